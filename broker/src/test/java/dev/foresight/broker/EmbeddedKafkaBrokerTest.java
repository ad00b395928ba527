package dev.foresight.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    @Test
    void startsServesAndStopsTwiceInOneJvm() throws Exception {
        Path firstDir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            firstDir = broker.dataDir();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(roundTrip(broker, "first")).containsExactly("k0=v0", "k1=v1", "k2=v2");
        }
        assertThat(Files.exists(firstDir)).as("temporary data dir deleted on close").isFalse();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            assertThat(broker.dataDir()).isNotEqualTo(firstDir);
            assertThat(roundTrip(broker, "second")).containsExactly("k0=v0", "k1=v1", "k2=v2");
        }
    }

    @Test
    void keepsAGivenDataDirectoryAndRestartsOnIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withDataDir(dir);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings)) {
            roundTrip(broker, "kept");
        }
        assertThat(dir.resolve("log/meta.properties")).exists();
        // Restarting on the same directory must find the data written before (nothing lost across restarts).
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings);
             Admin admin = Admin.create(broker.clientProperties())) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(topics).contains("kept");
            assertThat(consume(broker, "kept", 3)).containsExactly("k0=v0", "k1=v1", "k2=v2");
        }
    }

    @Test
    void rejectsInvalidSettingsWithAClearMessage() {
        assertThatThrownBy(() -> BrokerSettings.defaults().withPort(70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    private static List<String> roundTrip(EmbeddedKafkaBroker broker, String topic) throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> p = new HashMap<>(broker.clientProperties());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        return consume(broker, topic, 3);
    }

    private static List<String> consume(EmbeddedKafkaBroker broker, String topic, int expected) {
        Map<String, Object> c = new HashMap<>(broker.clientProperties());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "g-" + topic + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
            }
        }
        return seen;
    }
}
