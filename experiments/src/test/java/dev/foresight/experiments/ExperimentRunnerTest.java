package dev.foresight.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.schemas.NodeTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class ExperimentRunnerTest {

    static final String TINY = """
            name: tiny
            seed: 11
            nodes: 12
            racks: 2
            durationTicks: 240
            failures:
              weibull: {shape: 0.7, scaleHours: 20}
            """;

    static Scenario tiny() {
        return ScenarioLoader.parse(TINY, "tiny");
    }

    private static ExperimentOptions options(TestKafka kafka, Path out, List<Policy> policies) {
        return ExperimentOptions.defaults(out).withPolicies(policies).withKafka(kafka.clientProperties()).withPartitions(3);
    }

    @Test
    void sameScenarioAndSeedGiveByteIdenticalRecordings(TestKafka kafka, @TempDir Path dir) throws Exception {
        List<Policy> policies = List.of(Policy.NO_PROTECTION, Policy.PERIODIC);
        var first = new ExperimentRunner(options(kafka, dir.resolve("a"), policies)).run(tiny(), 11);
        var second = new ExperimentRunner(options(kafka, dir.resolve("b"), policies)).run(tiny(), 11);
        for (int i = 0; i < policies.size(); i++) {
            RunResult a = first.runs().get(i);
            RunResult b = second.runs().get(i);
            assertThat(a.checksums()).isEqualTo(b.checksums());
            assertThat(a.recordCounts().get("telemetry.avro")).isPositive();
            assertThat(Files.readAllBytes(a.recording().resolve("manifest.json")))
                    .isEqualTo(Files.readAllBytes(b.recording().resolve("manifest.json")));
        }
        var other = new ExperimentRunner(options(kafka, dir.resolve("c"), List.of(Policy.NO_PROTECTION))).run(tiny(), 12);
        assertThat(other.runs().get(0).checksums().get("telemetry.avro"))
                .as("another seed is another run").isNotEqualTo(first.runs().get(0).checksums().get("telemetry.avro"));
    }

    @Test
    void commonRandomNumbersMeanTheSameFailuresUnderEveryPolicy(TestKafka kafka, @TempDir Path dir) throws Exception {
        var outcome = new ExperimentRunner(options(kafka, dir, List.of(Policy.NO_PROTECTION, Policy.PERIODIC))).run(tiny(), 11);
        RunResult none = outcome.runs().get(0);
        RunResult periodic = outcome.runs().get(1);
        assertThat(none.summary().totals().failures()).isPositive().isEqualTo(periodic.summary().totals().failures());
        // checkpoints are what periodic adds: less lost work, some checkpoint overhead
        assertThat(periodic.summary().totals().checkpointCoreSeconds()).isPositive();
        assertThat(none.summary().totals().checkpointCoreSeconds()).isZero();
        assertThat(periodic.summary().totals().lostCoreSeconds()).isLessThan(none.summary().totals().lostCoreSeconds());
    }

    @Test
    void reportAndSummaryHoldTheFigures(TestKafka kafka, @TempDir Path dir) throws Exception {
        var outcome = new ExperimentRunner(options(kafka, dir, List.of(Policy.NO_PROTECTION, Policy.PERIODIC))).run(tiny(), 11);
        String html = Files.readString(outcome.reportHtml());
        assertThat(html).contains("no-protection", "periodic", "Lost work, core-hours", "Young/Daly first-order waste", "data:image/png;base64,");
        String json = Files.readString(outcome.summaryJson());
        assertThat(json).contains("\"policy\" : \"periodic\"", "\"energyKwh\"", "\"youngIntervalSeconds\"");
        Map<String, Object> manifest = RunManifest.read(outcome.runs().get(1).recording());
        assertThat(manifest).containsKeys("scenario", "seed", "checksums", "summary", "versions");
        List<NodeTelemetry> telemetry = RecordingReader.readAll(outcome.runs().get(1).recording(), RecordingStream.TELEMETRY, NodeTelemetry.class);
        assertThat(telemetry).hasSize(outcome.runs().get(1).recordCounts().get("telemetry.avro").intValue());
        assertThat(telemetry.get(0).getSource()).isEqualTo("simulator");
    }
}
