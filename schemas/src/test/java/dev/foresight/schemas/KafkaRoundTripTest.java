package dev.foresight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.codec.RecordDecodingException;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every schema through a real broker: produce with our serde, consume with our serde, compare. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaRoundTripTest {

    @Test
    void everyRecordSurvivesARealBroker(TestKafka kafka) throws Exception {
        TopicCatalogue catalogue = TopicCatalogue.of(TopicSettings.defaults().withPrefix(kafka.uniquePrefix("roundtrip")));
        try (Admin admin = kafka.newAdmin()) {
            List<String> created = new TopicAdministrator(admin, 30_000).createMissing(catalogue);
            assertThat(created).hasSize(catalogue.all().size());
            assertThat(new TopicAdministrator(admin, 30_000).createMissing(catalogue)).as("idempotent").isEmpty();
            var models = new ConfigResource(ConfigResource.Type.TOPIC, catalogue.name(TopicRole.MODELS));
            ConfigEntry policy = admin.describeConfigs(List.of(models)).all().get(30, TimeUnit.SECONDS)
                    .get(models).get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
        }
        AvroSerde<SpecificRecord> serde = AvroSerde.any();
        List<SpecificRecord> sent = RecordSamples.all();
        String topic = catalogue.name(TopicRole.TELEMETRY); // any topic will do for raw transport
        try (var producer = new KafkaProducer<>(producerProps(kafka), new StringSerializer(), serde.serializer())) {
            for (SpecificRecord record : sent) {
                producer.send(new ProducerRecord<>(topic, 0, "k", record)).get(30, TimeUnit.SECONDS);
            }
        }
        List<SpecificRecord> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(consumerProps(kafka), new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
            }
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void malformedBytesOnATopicAreATypedErrorForTheConsumer(TestKafka kafka) throws Exception {
        String topic = kafka.uniquePrefix("malformed") + "telemetry";
        try (Admin admin = kafka.newAdmin()) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (var producer = new KafkaProducer<>(producerProps(kafka), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "x".getBytes(), "{\"nodeId\":\"json is not avro\"}".getBytes())).get(30, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(consumerProps(kafka), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<byte[]> raw = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (raw.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> raw.add(r.value()));
            }
            assertThat(raw).hasSize(1);
            assertThatThrownBy(() -> AvroSerde.of(NodeTelemetry.class).deserialize(topic, raw.get(0)))
                    .isInstanceOfSatisfying(RecordDecodingException.class,
                            e -> assertThat(e.reason()).isEqualTo(RecordDecodingException.Reason.BAD_HEADER));
        }
    }

    private static Map<String, Object> producerProps(TestKafka kafka) {
        Map<String, Object> p = new HashMap<>(kafka.clientProperties());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    private static Map<String, Object> consumerProps(TestKafka kafka) {
        Map<String, Object> c = new HashMap<>(kafka.clientProperties());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "roundtrip-" + System.nanoTime());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return c;
    }
}
