package dev.foresight.producers.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.codec.AvroSerde;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(KafkaBrokerExtension.class)
class HostAgentTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path root;

    /** A pacer that, instead of waiting, moves the fake host's CPU counters on by 100 jiffies, 30 of them busy. */
    private Pacer advancingCpu(ProcFixture host) {
        long[] t = {0};
        return () -> {
            t[0]++;
            host.cpu(100 + 20 * t[0], 50 + 10 * t[0], 800 + 60 * t[0], 50 + 10 * t[0]);
        };
    }

    @Test
    void publishesCountSamplesAsAgentTelemetryWithoutATick() throws Exception {
        ProcFixture host = ProcFixture.fullHost(root);
        HostAgent agent = new HostAgent(new HostAgentOptions("node-17", Duration.ofSeconds(10), 3, root),
                Clock.fixed(NOW, ZoneOffset.UTC));
        List<NodeTelemetry> published = new ArrayList<>();

        long count = agent.run(published::add, advancingCpu(host));

        assertThat(count).isEqualTo(3);
        assertThat(published).hasSize(3).allSatisfy(s -> {
            assertThat(s.getNodeId()).isEqualTo("node-17");
            assertThat(s.getTick()).isEqualTo(-1);
            assertThat(s.getSource()).isEqualTo("agent");
            assertThat(s.getTimestamp()).isEqualTo(NOW);
            assertThat(s.getMetrics().get("cpu_util_pct")).isEqualTo(30.0);
            assertThat(s.getMetrics()).containsKeys("load_1m", "mem_used_pct", "edac_ce_total", "net_eth0_rx_errors_total");
        });
    }

    @Test
    void theDefaultNodeIdIsTheHostNameAndBadIdsAreRefused() {
        ProcFixture.fullHost(root);

        assertThat(HostAgentOptions.defaultNodeId(new ProcReader(root))).isEqualTo("node-17.cluster");
        assertThatThrownBy(() -> new HostAgentOptions("bad id!", Duration.ofSeconds(1), 0, root)).hasMessageContaining("node id 'bad id!'");
        assertThatThrownBy(() -> new HostAgentOptions("n", Duration.ZERO, 0, root)).hasMessageContaining("interval must be positive");
    }

    @Test
    void samplesReachTheTelemetryTopicKeyedByNodeId(TestKafka kafka) throws Exception {
        ProcFixture host = ProcFixture.fullHost(root);
        String topic = kafka.uniquePrefix("agent") + "telemetry";
        try (var admin = kafka.newAdmin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        HostAgent agent = new HostAgent(new HostAgentOptions("node-17", Duration.ofSeconds(10), 2, root), Clock.systemUTC());
        try (KafkaTelemetrySink sink = new KafkaTelemetrySink(kafka.clientProperties(), topic, Duration.ofSeconds(30))) {
            agent.run(sink, advancingCpu(host));
        }

        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "agent-test-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, NodeTelemetry>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.of(NodeTelemetry.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                return received.size() >= 2;
            });
        }
        assertThat(received).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("node-17");
            assertThat(r.value().getSource()).isEqualTo("agent");
            assertThat(r.value().getMetrics()).containsEntry("cpu_util_pct", 30.0);
            assertThat(r.timestamp()).isEqualTo(r.value().getTimestamp().toEpochMilli());
        });
    }
}
