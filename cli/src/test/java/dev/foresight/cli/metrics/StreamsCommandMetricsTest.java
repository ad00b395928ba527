package dev.foresight.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cli.ForesightCommand;
import dev.foresight.cli.support.FreePort;
import dev.foresight.cli.support.Scrape;
import dev.foresight.cli.support.TickInputs;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code foresight streams --metrics-port N} while it runs: its {@code /metrics} shows what it consumed and
 * produced (telemetry in, predictions and a dead letter out, the latest tick), Kafka Streams' own metrics and
 * the JVM's, all tagged {@code component="streams"}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsCommandMetricsTest {

    private static final int NODES = 4;
    private static final int TICKS = 6;

    @Test
    void aRunningStreamsInstanceServesItsMetrics(TestKafka kafka, @TempDir Path stateDir) throws Exception {
        String prefix = kafka.uniquePrefix("streams-metrics");
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(prefix).withPartitions(2));
        try (Admin admin = kafka.newAdmin()) {
            new TopicAdministrator(admin, 30_000).createMissing(topics);
        }
        int port = FreePort.pick();
        AtomicInteger exit = new AtomicInteger(-1);
        AtomicReference<String> errors = new AtomicReference<>("");
        Thread command = new Thread(() -> {
            CommandLine cl = ForesightCommand.commandLine();
            var err = new java.io.StringWriter();
            cl.setErr(new java.io.PrintWriter(err, true));
            exit.set(cl.execute("streams", "--bootstrap-servers", kafka.bootstrapServers(), "--prefix", prefix,
                    "--partitions", "2", "--application-id", prefix.replace(".", "") + "-app", "--state-dir", stateDir.toString(),
                    "--metrics-port", Integer.toString(port)));
            errors.set(err.toString());
        }, "foresight-streams-under-test");
        command.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/metrics");
            TickInputs.publish(kafka.clientProperties(), topics, NODES, TICKS, prefix + "test-simulator");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(), new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topics.name(TopicRole.TELEMETRY), "node-000",
                        "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8))).get();
            }
            Map<String, String> streams = Map.of("component", "streams");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(command.isAlive()).as("foresight streams is running; %s", errors.get()).isTrue();
                Scrape scrape = Scrape.of(endpoint);
                assertThat(scrape.sum("foresight_predictions_total", Map.of("component", "streams", "direction", "out")))
                        .isEqualTo(NODES * TICKS);
                assertThat(scrape.sum("foresight_records_total", Map.of("direction", "in", "topic", "telemetry")))
                        .isGreaterThanOrEqualTo(NODES * TICKS + 1);
                assertThat(scrape.sum("foresight_dead_letters_total", Map.of("direction", "out"))).isEqualTo(1);
                assertThat(scrape.sum("foresight_tick", streams)).isEqualTo(TICKS - 1);
                assertThat(scrape.sum("kafka_stream_thread_process_total", streams)).isPositive();
                assertThat(scrape.sum("jvm_threads_live_threads", streams)).isPositive();
            });
        } finally {
            command.interrupt();
            command.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(command.isAlive()).as("the command stops when interrupted").isFalse();
    }
}
