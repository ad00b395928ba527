package dev.foresight.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run replays the failures of a trace file, only those, at their times, and the trace is part of its identity. */
class ReplayedFailuresTest {

    /** Twelve nodes, four hours of one-minute ticks, and a Weibull scale no node reaches: only the trace fails nodes. */
    static final String QUIET = """
            name: quiet
            seed: 5
            nodes: 12
            racks: 2
            durationTicks: 240
            failures:
              weibull: {shape: 0.7, scaleHours: 100000000}
              falseAlarms: {ratePerNodeDay: 0}
            """;

    /** Node 1 at the first hour, node 5 at the second; node 40 lies beyond the cluster, node 2's failure after its end. */
    static final String TRACE = """
            node,fail_at_seconds,repair_seconds,started_utc,cause
            40,100.0,100.0,2003-01-01T00:01:40Z,Hardware/CPU
            1,3600.0,1800.0,2003-01-01T01:00:00Z,Hardware/Memory Dimm
            5,7200.0,600.0,2003-01-01T02:00:00Z,Software/OS
            2,20000.0,100.0,2003-01-01T05:33:20Z,Hardware/Disk
            """;

    private static Scenario quiet() {
        return ScenarioLoader.parse(QUIET, "quiet");
    }

    private static Path trace(Path dir) throws Exception {
        return Files.writeString(dir.resolve("system-99.csv"), TRACE);
    }

    private static ExperimentOptions options(Path out, ReplayedFailures failures) {
        return ExperimentOptions.defaults(out).withEngine(Engine.INPROCESS).withPolicies(List.of(Policy.NO_PROTECTION))
                .withFailures(failures);
    }

    @Test
    void coverageSaysWhatTheScenarioReplays(@TempDir Path dir) throws Exception {
        ReplayedFailures.Coverage coverage = ReplayedFailures.load(trace(dir), null).coverage(quiet());
        assertThat(coverage).isEqualTo(new ReplayedFailures.Coverage(4, 2, 1, 1, 40));
        assertThat(coverage.describe(quiet())).contains("2 of the trace's 4 node failures", "1 name nodes up to 40",
                "1 come after the end");
    }

    @Test
    void aRunReplaysTheTracesFailuresAtTheirTicks(@TempDir Path dir) throws Exception {
        ReplayedFailures failures = ReplayedFailures.load(trace(dir), null);
        RunResult drawn = new ExperimentRunner(options(dir.resolve("drawn"), null)).run(quiet(), 5).runs().get(0);
        RunResult replayed = new ExperimentRunner(options(dir.resolve("a"), failures)).run(quiet(), 5).runs().get(0);

        assertThat(drawn.summary().totals().failures()).as("the scenario alone fails nothing").isZero();
        assertThat(replayed.summary().totals().failures()).isEqualTo(2);
        List<String> failed = RecordingReader.readAll(replayed.recording(), RecordingStream.NODE_EVENTS, NodeEvent.class)
                .stream().filter(e -> e.getType() == NodeEventType.FAILED)
                .map(e -> e.getNodeId() + "@" + e.getTick()).toList();
        // tick k covers (60k s, 60(k + 1) s]: a failure at 3,600 s is one of tick 59
        assertThat(failed).containsExactly("node-0001@59", "node-0005@119");

        RunResult again = new ExperimentRunner(options(dir.resolve("b"), failures)).run(quiet(), 5).runs().get(0);
        assertThat(again.checksums()).isEqualTo(replayed.checksums());
        assertThat(Files.readAllBytes(again.recording().resolve(RunManifest.FILE_NAME)))
                .isEqualTo(Files.readAllBytes(replayed.recording().resolve(RunManifest.FILE_NAME)));
        assertThat(RunManifest.read(replayed.recording())).containsEntry("failureTrace",
                Map.of("file", "system-99.csv", "sha256", failures.sha256()));
        assertThat(RunManifest.read(drawn.recording())).doesNotContainKey("failureTrace");
    }

    @Test
    void theStartInstantShiftsTheTrace(@TempDir Path dir) throws Exception {
        ReplayedFailures shifted = ReplayedFailures.load(trace(dir), Instant.parse("2003-01-01T01:30:00Z"));
        assertThat(shifted.coverage(quiet()).replayed()).as("only node 5's failure, now 30 minutes in").isEqualTo(1);
        RunResult run = new ExperimentRunner(options(dir.resolve("s"), shifted)).run(quiet(), 5).runs().get(0);
        List<String> failed = RecordingReader.readAll(run.recording(), RecordingStream.NODE_EVENTS, NodeEvent.class)
                .stream().filter(e -> e.getType() == NodeEventType.FAILED)
                .map(e -> e.getNodeId() + "@" + e.getTick()).toList();
        assertThat(failed).containsExactly("node-0005@29");
        assertThat(RunManifest.read(run.recording())).extracting(m -> m.get("failureTrace"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("from", "2003-01-01T01:30:00Z");
    }

    @Test
    void aMissingTraceIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> ReplayedFailures.load(dir.resolve("nope.csv"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.csv does not exist");
    }
}
