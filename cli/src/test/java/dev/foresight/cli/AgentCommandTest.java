package dev.foresight.cli;

import static dev.foresight.cli.ForesightCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cli.ForesightCommandTest.Run;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.codec.AvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class AgentCommandTest {

    @TempDir
    Path root;

    /** A minimal host: CPU counters, load and memory; no sensors. */
    private Path host() throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/stat"), "cpu  100 0 50 800 50 0 0 0 0 0\n");
        Files.writeString(root.resolve("proc/loadavg"), "0.25 0.20 0.15 1/100 42\n");
        Files.writeString(root.resolve("proc/meminfo"), "MemTotal: 1000 kB\nMemAvailable: 250 kB\n");
        return root;
    }

    @Test
    void dryRunPrintsTheReadingsInsteadOfPublishing() throws Exception {
        Run r = run("agent", "--dry-run", "--count", "2", "--interval", "10ms", "--root", host().toString(), "--node-id", "n1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("n1 (6 metrics)", "load_1m", "0.25", "mem_used_pct", "75.0");
        assertThat(r.out()).doesNotContain("cpu_util_pct"); // the fixture's counters never move: no utilisation to report
        assertThat(r.err()).contains("2 sample(s) of node n1 printed");
    }

    @Test
    void withoutAClusterItSaysHowToGiveOneOrToDryRun() throws Exception {
        Run r = run("agent", "--count", "1", "--root", host().toString(), "--bootstrap-servers", "");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--bootstrap-servers", "--dry-run").doesNotContain("\tat ");
    }

    @Test
    void badArgumentsAreNamed() throws Exception {
        Run interval = run("agent", "--dry-run", "--interval", "often", "--root", host().toString());
        assertThat(interval.exitCode()).isEqualTo(1);
        assertThat(interval.err()).contains("'often' is not a duration");

        Run noProc = run("agent", "--dry-run", "--root", root.resolve("nowhere").toString());
        assertThat(noProc.exitCode()).isEqualTo(1);
        assertThat(noProc.err()).contains("has no proc/ directory");

        Run id = run("agent", "--dry-run", "--count", "1", "--node-id", "no spaces", "--root", host().toString());
        assertThat(id.exitCode()).isEqualTo(1);
        assertThat(id.err()).contains("node id 'no spaces'");
    }

    @Test
    void theRealHostCanBeSampled() {
        Run r = run("agent", "--dry-run", "--count", "1", "--interval", "50ms", "--node-id", "this-host");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("this-host", "mem_total_bytes", "load_1m");
    }

    @Test
    void publishesIntoTheTelemetryTopic(TestKafka kafka) throws Exception {
        String prefix = kafka.uniquePrefix("agent-cli");
        Run r = run("agent", "--count", "2", "--interval", "10ms", "--root", host().toString(), "--node-id", "n7",
                "--bootstrap-servers", kafka.bootstrapServers(), "--prefix", prefix, "--partitions", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();

        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "agent-cli-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, NodeTelemetry>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.of(NodeTelemetry.class))) {
            consumer.subscribe(List.of(prefix + "telemetry"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return received.size() >= 2;
            });
        }
        assertThat(received).hasSize(2).allSatisfy(rec -> {
            assertThat(rec.key()).isEqualTo("n7");
            assertThat(rec.value().getTick()).isEqualTo(-1);
            assertThat(rec.value().getMetrics()).containsEntry("load_1m", 0.25);
        });
    }
}
