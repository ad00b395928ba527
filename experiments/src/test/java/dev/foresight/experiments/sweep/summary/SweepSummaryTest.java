package dev.foresight.experiments.sweep.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.experiments.report.Quantity.Better;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSummaryTest {

    static SweepHeader header(List<Long> seeds) {
        return new SweepHeader("hand", "abc123", seeds, List.of("periodic", "proactive"), "periodic", "in-process", false, 60,
                "drawn from the seed", "code42", 48, 0.95, 1_000, 13);
    }

    static RunFigures run(long seed, String policy, double useful, double energy, double lost, Map<String, Double> predictor) {
        return new RunFigures(seed, policy, Map.of("usefulCoreHours", useful, "energyKwh", energy, "lostCoreHours", lost,
                "failures", 5.0, "simulatedHours", 48.0, "vmsLost", 2.0), predictor);
    }

    /** Three seeds: proactive gains 10, 20, -3 core-hours of useful work, saves energy twice, and loses less work each time. */
    static SweepSummary threeSeeds() {
        List<RunFigures> runs = new ArrayList<>();
        runs.add(run(2, "periodic", 100, 50, 9, Map.of()));
        runs.add(run(2, "proactive", 110, 49, 4, Map.of("precision", 0.5, "recall", 0.25)));
        runs.add(run(1, "periodic", 200, 60, 8, Map.of()));
        runs.add(run(1, "proactive", 220, 61, 2, Map.of("precision", Double.NaN, "recall", 0.5)));
        runs.add(run(3, "periodic", 300, 70, 7, Map.of()));
        runs.add(run(3, "proactive", 297, 69, 6, Map.of("precision", 0.1, "recall", 0.0)));
        return SweepSummary.of(header(List.of(1L, 2L, 3L)), runs, new PercentileBootstrap(1_000, 13));
    }

    @Test
    void theHeadlineLeadsThenTheOtherFiguresAndTheHeaderOnesAreLeftOut() {
        SweepSummary s = threeSeeds();

        assertThat(s.metrics()).extracting(MetricComparison::key)
                .startsWith("usefulCoreHours", "energyKwh", "lostCoreHours")
                .contains("vmsLost", "failures")
                .doesNotContain("simulatedHours");
        assertThat(s.metrics().get(0).label()).isEqualTo("Useful work, core-hours");
        assertThat(s.metrics().get(0).better()).isEqualTo(Better.HIGHER);
    }

    @Test
    void eachPolicyIsPairedWithTheReferenceUnderTheSameSeed() {
        MetricComparison useful = threeSeeds().metric("usefulCoreHours").orElseThrow();

        assertThat(useful.policy("periodic").differenceFromReference()).isNull();
        assertThat(useful.policy("periodic").bySeed()).containsExactly(200.0, 100.0, 300.0);
        PairedDifference d = useful.policy("proactive").differenceFromReference();
        assertThat(d.bySeed()).containsExactly(20.0, 10.0, -3.0);
        assertThat(d.mean()).isCloseTo(9.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.wins()).isEqualTo(2);
        assertThat(threeSeeds().metric("lostCoreHours").orElseThrow().policy("proactive").differenceFromReference().wins())
                .as("less lost work under every seed").isEqualTo(3);
        assertThat(threeSeeds().metric("failures").orElseThrow().policy("proactive").differenceFromReference().wins()).isNull();
    }

    @Test
    void predictorFiguresAreUnpairedAndOnlyForPoliciesThatPredict() {
        SweepSummary s = threeSeeds();

        // in the catalogue's order: recall of all failures before precision
        MetricComparison precision = s.predictor().get(1);
        assertThat(precision.key()).isEqualTo("precision");
        assertThat(precision.policies()).extracting(PolicyFigures::policy).containsExactly("proactive");
        assertThat(precision.policies().get(0).bySeed()).as("NaN: no alarm under seed 1").containsExactly(null, 0.5, 0.1);
        assertThat(precision.policies().get(0).mean()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(precision.policies().get(0).differenceFromReference()).isNull();
    }

    @Test
    void theSummaryDoesNotDependOnTheOrderRunsFinishedIn() {
        List<RunFigures> runs = new ArrayList<>();
        for (long seed = 3; seed >= 1; seed--) {
            runs.add(run(seed, "proactive", 10 * seed, seed, 1, Map.of()));
            runs.add(run(seed, "periodic", 9 * seed, seed + 1, 2, Map.of()));
        }
        SweepSummary shuffled = SweepSummary.of(header(List.of(1L, 2L, 3L)), runs, new PercentileBootstrap(1_000, 13));
        java.util.Collections.reverse(runs);

        assertThat(SweepSummary.of(header(List.of(1L, 2L, 3L)), runs, new PercentileBootstrap(1_000, 13))).isEqualTo(shuffled);
    }

    @Test
    void summaryJsonReadsBackToTheSameSummary(@TempDir Path dir) throws Exception {
        SweepSummary s = threeSeeds();
        SummaryFiles.writeJson(s, dir);

        assertThat(SummaryFiles.readJson(dir)).isEqualTo(s);
        assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"label\" : \"Useful work, core-hours\"");
    }

    @Test
    void csvFilesHoldOneRowPerFigureAndPolicyAndOnePerSeedAndPolicy(@TempDir Path dir) throws Exception {
        SweepSummary s = threeSeeds();
        List<String> summary = Files.readAllLines(SummaryFiles.writeCsv(s, dir));
        List<String> seeds = Files.readAllLines(SummaryFiles.writeSeedsCsv(s, dir));

        assertThat(summary.get(0)).startsWith("kind,figure,label,unit,better,policy,seeds,mean,reference_mean,mean_difference");
        assertThat(summary).contains("run,usefulCoreHours,\"Useful work, core-hours\",core-hours,higher,periodic,3,200.0,,,,,,,");
        assertThat(summary).anySatisfy(row -> assertThat(row).startsWith(
                "run,lostCoreHours,\"Lost work, core-hours\",core-hours,lower,proactive,3,4.0,8.0,-4.0,").endsWith(",3"));
        assertThat(summary).anySatisfy(row -> assertThat(row).startsWith("predictor,recall,"));
        assertThat(seeds).hasSize(1 + 3 * 2);
        assertThat(seeds.get(0)).startsWith("seed,policy,usefulCoreHours,energyKwh,lostCoreHours").contains("predictor.precision");
        assertThat(seeds.get(1)).startsWith("1,periodic,200.0,60.0,8.0,");
        assertThat(seeds.get(2)).startsWith("1,proactive,220.0,61.0,2.0,");
    }

    @Test
    void markdownLeadsWithTheNetBenefitAndGivesEverySeed() {
        String md = MarkdownTable.render(threeSeeds());

        assertThat(md).startsWith("| policy minus periodic | Useful work, core-hours | Energy, kWh | Lost work, core-hours |");
        assertThat(md).contains("| proactive | +9.0 [", "better in 2 of 3", "better in 3 of 3");
        assertThat(md).contains("| periodic, mean per seed | 200 | 60.0 | 8.0 |");
        assertThat(md).contains("| 1 | 200 / 220 | 60.0 / 61.0 | 8.0 / 2.0 |", "| 3 | 300 / 297 |");
        assertThat(md).contains("Scenario hand, 3 seeds (1..3)");
    }

    @Test
    void aSingleSeedSweepReportsUndefinedIntervalsInEveryOutput(@TempDir Path dir) throws Exception {
        SweepSummary one = SweepSummary.of(header(List.of(4L)),
                List.of(run(4, "periodic", 100, 50, 9, Map.of()), run(4, "proactive", 90, 51, 3, Map.of())),
                PercentileBootstrap.defaults());

        assertThat(MarkdownTable.render(one)).contains("-10.0 undefined (needs at least 2 seeds, got 1), better in 0 of 1");
        assertThat(new SweepReport(one).html()).contains("undefined (needs at least 2 seeds, got 1)");
        SummaryFiles.writeJson(one, dir);
        assertThat(SummaryFiles.readJson(dir)).isEqualTo(one);
        assertThat(Files.readAllLines(SummaryFiles.writeCsv(one, dir)))
                .contains("run,usefulCoreHours,\"Useful work, core-hours\",core-hours,higher,proactive,1,90.0,100.0,-10.0,,,,,0");
    }

    @Test
    void theReportLeadsWithTheNetBenefitInWordsAndPlotsTheSeeds() {
        String html = new SweepReport(threeSeeds()).html();

        assertThat(html.indexOf("Net benefit against periodic")).isLessThan(html.indexOf("Every other figure"));
        assertThat(html.indexOf("Useful work, core-hours")).isLessThan(html.indexOf("VMs lost"));
        assertThat(html).doesNotContain(">usefulCoreHours<").contains("data:image/png;base64,", "interval, bootstrap", "1,000 resamples");
    }

    @Test
    void anUnreadableSummarySaysWhatToDo(@TempDir Path dir) throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SummaryFiles.readJson(dir))
                .hasMessageContaining("no sweep summary").hasMessageContaining("experiment sweep");
        Files.writeString(dir.resolve("summary.json"), "{\"format\": 1, \"surprise\": true}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SummaryFiles.readJson(dir)).hasMessageContaining("not a sweep summary");
    }
}
