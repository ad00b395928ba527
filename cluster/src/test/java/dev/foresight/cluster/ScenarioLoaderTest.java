package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.cluster.scenario.CheckpointPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    @Test
    void anEmptyFileGivesTheDefaults() {
        assertThat(ScenarioLoader.parse("", "empty.yaml")).isEqualTo(Scenario.defaults());
    }

    @Test
    void partialSectionsAreMergedOverTheDefaults() {
        Scenario s = ScenarioLoader.parse("""
                failures:
                  weibull:
                    shape: 0.9
                checkpointing:
                  policy: Periodic
                """, "partial.yaml");

        assertThat(s.failures().weibull().shape()).isEqualTo(0.9);
        assertThat(s.failures().weibull().scaleHours()).isEqualTo(Scenario.defaults().failures().weibull().scaleHours());
        assertThat(s.failures().repair()).isEqualTo(Scenario.defaults().failures().repair());
        assertThat(s.checkpointing().policy()).isEqualTo(CheckpointPolicy.PERIODIC);
    }

    @Test
    void durationHoursBecomesTicks() {
        Scenario s = ScenarioLoader.parse("tickSeconds: 30\ndurationHours: 2\n", "hours.yaml");

        assertThat(s.durationTicks()).isEqualTo(240);
    }

    @Test
    void anOutOfRangeValueNamesItsKeyPathAndLine() {
        String yaml = """
                name: bad
                failures:
                  weibull:
                    shape: -1
                """;

        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("bad.yaml: failures.weibull.shape: must be > 0, got -1 (line 4, column 12)")
                .satisfies(e -> assertThat(((ScenarioException) e).keyPath()).isEqualTo("failures.weibull.shape"));
    }

    @Test
    void everyInvalidValueIsReported() {
        String yaml = """
                nodes: 0
                jobs:
                  mpiShare: 1.5
                """;

        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "two.yaml"))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems())
                        .extracting(ScenarioException.Problem::keyPath)
                        .contains("nodes", "jobs.mpiShare"));
    }

    @Test
    void anUnknownKeyIsAnErrorThatListsTheKnownOnes() {
        assertThatThrownBy(() -> ScenarioLoader.parse("failures:\n  weibul:\n    shape: 1\n", "typo.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("failures.weibul: unknown key 'weibul'")
                .hasMessageContaining("weibull");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertThatThrownBy(() -> ScenarioLoader.parse("nodes: lots\n", "type.yaml"))
                .hasMessageContaining("nodes: must be a whole number, got 'lots' (line 1, column 8)");
        assertThatThrownBy(() -> ScenarioLoader.parse("nodes: 32.5\n", "float.yaml"))
                .hasMessageContaining("nodes: must be a whole number");
        assertThatThrownBy(() -> ScenarioLoader.parse("checkpointing:\n  policy: daily\n", "enum.yaml"))
                .hasMessageContaining("checkpointing.policy: must be one of [none, periodic, young], got 'daily'");
    }

    @Test
    void aSyntaxErrorGivesLineAndColumn() {
        String yaml = """
                name: broken
                nodes: [1, 2
                racks: 2
                """;

        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "syntax.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("syntax.yaml: not valid YAML")
                .satisfies(e -> assertThat(((ScenarioException) e).problems().get(0).line()).isBetween(2, 4));
    }

    @Test
    void durationHoursAndTicksTogetherAreAmbiguous() {
        assertThatThrownBy(() -> ScenarioLoader.parse("durationHours: 1\ndurationTicks: 60\n", "both.yaml"))
                .hasMessageContaining("durationHours: give either durationHours or durationTicks, not both");
    }

    @Test
    void crossFieldRulesAreChecked() {
        assertThatThrownBy(() -> ScenarioLoader.parse("power:\n  idleWatts: 500\n  peakWatts: 400\n", "power.yaml"))
                .hasMessageContaining("power.peakWatts: must be >= power.idleWatts (500), got 400");
        assertThatThrownBy(() -> ScenarioLoader.parse("node:\n  cores: 8\n", "vm.yaml"))
                .hasMessageContaining("jobs.coresPerVm[2]: must fit on a node (node.cores = 8), got 16");
    }

    @Test
    void failureClassSharesMustSumToOne() {
        assertThatThrownBy(() -> ScenarioLoader.parse("failures:\n  classes:\n    memory: {share: 0.5}\n", "shares.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("failures.classes: the class shares must sum to 1, got 1.250000");
    }

    @Test
    void failuresNoSensorSeesCannotBeAnnounced() {
        assertThatThrownBy(() -> ScenarioLoader.parse("failures:\n  classes:\n    other: {announced: 0.5}\n", "other.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("failures.classes.other.announced: must be 0");
    }

    @Test
    void aKeyOfAnEarlierVersionSaysWhatReplacedIt() {
        assertThatThrownBy(() -> ScenarioLoader.parse("failures:\n  predictableShare: 0.7\n", "old.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown key 'predictableShare'")
                .hasMessageContaining("replaced by failures.classes.<class>.announced");
    }

    @Test
    void theDefaultClassesAnnounceAboutHalfOfAllFailures() {
        // the published middle: log- and sensor-based predictors recall 40-85 % of failures (cluster/README.md)
        assertThat(Scenario.defaults().failures().classes().announcedShare()).isBetween(0.4, 0.7);
    }

    @Test
    void everyBuiltInScenarioLoads() {
        for (String name : ScenarioLoader.BUILT_IN) {
            Scenario s = ScenarioLoader.builtIn(name);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.violations().isEmpty()).isTrue();
        }
        assertThat(ScenarioLoader.builtIn("small").nodes()).isEqualTo(32);
        assertThat(ScenarioLoader.builtIn("default").nodes()).isEqualTo(256);
    }

    @Test
    void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "name: from-file\nnodes: 8\nracks: 2\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "racks: 9\nnodes: 8\n");

        assertThat(ScenarioLoader.load(good).nodes()).isEqualTo(8);
        assertThatThrownBy(() -> ScenarioLoader.load(bad))
                .hasMessageStartingWith(bad.toString() + ": racks: must be <= nodes (8), got 9 (line 1, column 8)");
    }
}
