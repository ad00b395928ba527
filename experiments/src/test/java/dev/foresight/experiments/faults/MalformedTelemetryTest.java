package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.schemas.topics.TopicRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 malformed records are mixed into the telemetry topic while the closed loop runs: 100 in each of
 * ticks 20 to 119, ten of each kind, written (and acknowledged) just before the simulator publishes the
 * tick, so they sit among the tick's real records on every partition. Every one of them must reach the
 * dead-letter topic, once, with its original key and value bytes and the error headers of
 * {@link DeadLetterHeaders} (reason, message, source topic, partition and offset, stage); and the run's
 * results must not change at all: the recording (predictions and commands included) is byte-identical to
 * the undisturbed run's.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MalformedTelemetryTest {

    static final long FIRST_TICK = 20;
    static final long LAST_TICK = 119;
    static final int PER_KIND_PER_TICK = 10;

    /** The ways a telemetry record can be wrong, and the reason the pipeline must give. */
    enum Malformation {
        NOT_AVRO("BAD_HEADER"),
        UNKNOWN_WRITER_SCHEMA("UNKNOWN_SCHEMA"),
        TRUNCATED_DATUM("CORRUPT_DATUM"),
        NODE_EVENT_ON_TELEMETRY("WRONG_TYPE"),
        NO_VALUE("NULL_VALUE"),
        NAN_OR_NEGATIVE_METRIC("INVALID_VALUE"),
        BAD_NODE_ID("UNKNOWN_NODE"),
        KEY_IS_ANOTHER_NODE("KEY_MISMATCH"),
        MARKER_FOR_ANOTHER_PARTITION("MISROUTED_MARKER"),
        MARKER_FOR_A_CLOSED_TICK("STALE_MARKER");

        final String reason;

        Malformation(String reason) {
            this.reason = reason;
        }

        /** The i-th record of this kind for a tick, on a partition of the telemetry topic. */
        ProducerRecord<byte[], byte[]> record(String topic, int partition, int partitions, long tick, int i, Instant time) {
            String node = String.format(Locale.ROOT, "node-%04d", (int) ((tick + i) % 16));
            byte[] key = node.getBytes(StandardCharsets.UTF_8);
            byte[] valid = AvroCodec.encode(new NodeTelemetry(node, time, tick, Map.of("cpu_util", 0.5, "temp_cpu_c", 55.0), "fault-injection"));
            byte[] value = switch (this) {
                case NOT_AVRO -> ("{\"node\":\"" + node + "\",\"tick\":" + tick + "}").getBytes(StandardCharsets.UTF_8);
                case UNKNOWN_WRITER_SCHEMA -> {
                    byte[] bytes = valid.clone();
                    Arrays.fill(bytes, 2, 10, (byte) 0x5A); // a fingerprint no schema of this build has
                    yield bytes;
                }
                case TRUNCATED_DATUM -> Arrays.copyOf(valid, 13);
                case NODE_EVENT_ON_TELEMETRY -> AvroCodec.encode(new NodeEvent(node, time, tick, NodeEventType.FAILED, null, null));
                case NO_VALUE -> null;
                case NAN_OR_NEGATIVE_METRIC -> AvroCodec.encode(new NodeTelemetry(node, time, tick,
                        Map.of("cpu_util", i % 2 == 0 ? Double.NaN : -0.5, "temp_cpu_c", 55.0), "fault-injection"));
                case BAD_NODE_ID -> AvroCodec.encode(new NodeTelemetry("node " + i + "!", time, tick, Map.of("cpu_util", 0.5), "fault-injection"));
                case KEY_IS_ANOTHER_NODE -> {
                    key = "node-9999".getBytes(StandardCharsets.UTF_8);
                    yield valid;
                }
                case MARKER_FOR_ANOTHER_PARTITION -> AvroCodec.encode(new TickMarker("simulator", tick, (partition + 1) % partitions, partitions, time));
                case MARKER_FOR_A_CLOSED_TICK -> AvroCodec.encode(new TickMarker("simulator", tick - 1, partition, partitions, time));
            };
            if (this == MARKER_FOR_ANOTHER_PARTITION || this == MARKER_FOR_A_CLOSED_TICK) {
                key = "~tick".getBytes(StandardCharsets.UTF_8);
            }
            return new ProducerRecord<>(topic, partition, time.toEpochMilli(), key, value);
        }
    }

    /** Where an injected record landed and what it was. */
    record Injected(Malformation kind, byte[] key, byte[] value) {}

    @Test
    void tenThousandMalformedRecordsAllReachTheDeadLetterTopicAndChangeNothing(TestKafka kafka, @TempDir Path dir) throws Exception {
        FaultLoop.Result reference = References.undisturbed(kafka);
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<String, Injected> injected = new TreeMap<>(); // "partition@offset" -> record
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            FaultLoop.Faults faults = new FaultLoop.Faults() {
                @Override
                public void beforePublish(long tick, FaultLoop loop) throws Exception {
                    if (tick < FIRST_TICK || tick > LAST_TICK) {
                        return;
                    }
                    String topic = loop.topics().name(TopicRole.TELEMETRY);
                    int partitions = loop.topics().settings().partitions();
                    Instant time = loop.scenario().startInstant().plusSeconds(tick * loop.scenario().tickSeconds());
                    List<Future<RecordMetadata>> sent = new ArrayList<>();
                    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
                    for (int i = 0; i < PER_KIND_PER_TICK; i++) {
                        for (Malformation kind : Malformation.values()) {
                            ProducerRecord<byte[], byte[]> record = kind.record(topic, (i + kind.ordinal()) % partitions,
                                    partitions, tick, i, time);
                            records.add(record);
                            sent.add(producer.send(record));
                        }
                    }
                    // acknowledged before the simulator's transaction for this tick begins: the records belong to this tick
                    for (int r = 0; r < sent.size(); r++) {
                        RecordMetadata meta = sent.get(r).get();
                        ProducerRecord<byte[], byte[]> record = records.get(r);
                        injected.put(meta.partition() + "@" + meta.offset(), new Injected(
                                Malformation.values()[r % Malformation.values().length], record.key(), record.value()));
                    }
                }
            };
            FaultLoop.Result result = References.loop(kafka.clientProperties(), kafka.uniquePrefix("malformed"), dir).run(faults);

            assertThat(injected).hasSize(10_000);
            // the valid results did not move
            assertThat(result.counts()).isEqualTo(reference.counts());
            assertThat(result.checksums()).isEqualTo(reference.checksums());

            // every malformed record is in the dead-letter topic, once, with its bytes and its reason
            String telemetry = result.topics().name(TopicRole.TELEMETRY);
            List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.readCommitted(kafka.clientProperties(),
                    result.topics().name(TopicRole.DEAD_LETTERS));
            assertThat(letters).hasSize(10_000);
            Map<Malformation, Integer> perKind = new EnumMap<>(Malformation.class);
            Map<String, Integer> seen = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(telemetry);
                String source = header(letter, DeadLetterHeaders.PARTITION) + "@" + header(letter, DeadLetterHeaders.OFFSET);
                Injected original = injected.get(source);
                assertThat(original).as("dead letter %s names an injected record", source).isNotNull();
                assertThat(seen.merge(source, 1, Integer::sum)).as("dead letters of %s", source).isEqualTo(1);
                assertThat(header(letter, DeadLetterHeaders.REASON)).as(original.kind().name()).isEqualTo(original.kind().reason);
                assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank();
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isNotBlank();
                assertThat(letter.key()).isEqualTo(original.key());
                assertThat(letter.value()).isEqualTo(original.value());
                assertThat(letter.partition()).as("a dead letter stays on its source partition")
                        .isEqualTo(Integer.parseInt(header(letter, DeadLetterHeaders.PARTITION)));
                perKind.merge(original.kind(), 1, Integer::sum);
            }
            for (Malformation kind : Malformation.values()) {
                assertThat(perKind.get(kind)).as(kind.name()).isEqualTo(1_000);
            }
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
