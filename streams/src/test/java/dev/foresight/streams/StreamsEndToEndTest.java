package dev.foresight.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application on a real broker, exactly-once, RocksDB stores, three partitions: the simulator's side of
 * the lockstep protocol is played by a plain producer, and the test waits for every tick's predictions and
 * streams markers on every partition, for the model released at tick 40 to score every partition from tick 41
 * exactly, and for the dead letters of a malformed input record and of a corrupt record on the application's
 * own broadcast topic.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsEndToEndTest {

    @TempDir
    Path stateDir;

    private static final int PARTITIONS = 3;
    private static final int TICKS = 60;

    @Test
    void ticksFlowThroughEveryStageAndBadRecordsBecomeDeadLetters(TestKafka kafka) throws Exception {
        String prefix = kafka.uniquePrefix("streams-e2e");
        StreamsSettings settings = TestSettings.small(stateDir)
                .applicationId(prefix.replace(".", "") + "-app")
                .topics(TopicSettings.defaults().withPrefix(prefix).withPartitions(PARTITIONS))
                .trainingPeriodTicks(20)
                .horizon(Duration.ofMinutes(5))
                .persistentStores(true)
                .build();
        TopicCatalogue topics = settings.catalogue();
        Fleet fleet = Fleet.generate(3, 12, TICKS, TestSettings.TICK, 15);

        try (StreamsApp app = StreamsApp.start(settings, kafka.clientProperties());
             KafkaProducer<byte[], byte[]> producer = producer(kafka);
             KafkaConsumer<byte[], byte[]> consumer = consumer(kafka, prefix)) {
            Map<String, Integer> partitionOf = new TreeMap<>();
            byte[] malformed = "{\"nodeId\": \"node-0000\"}".getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topics.name(TopicRole.TELEMETRY), bytes("node-0000"), malformed));
            producer.send(new ProducerRecord<>(ForesightTopology.modelBroadcastTopic(settings), 1, bytes("model"),
                    new byte[] {(byte) 0xC3, 0x01, 7}));
            int telemetryCount = 0;
            for (Fleet.Tick tick : fleet.ticks()) {
                for (NodeEvent event : tick.events()) {
                    producer.send(new ProducerRecord<>(topics.name(TopicRole.NODE_EVENTS), bytes(event.getNodeId()),
                            AvroCodec.encode(event)));
                }
                for (NodeTelemetry telemetry : tick.telemetry()) {
                    var sent = producer.send(new ProducerRecord<>(topics.name(TopicRole.TELEMETRY),
                            bytes(telemetry.getNodeId()), AvroCodec.encode(telemetry)));
                    partitionOf.put(telemetry.getNodeId(), sent.get().partition());
                    telemetryCount++;
                }
                for (TopicRole lane : List.of(TopicRole.NODE_EVENTS, TopicRole.TELEMETRY)) {
                    for (int p = 0; p < PARTITIONS; p++) {
                        TickMarker marker = new TickMarker(Stages.SIMULATOR, tick.tick(), p, PARTITIONS, tick.time());
                        producer.send(new ProducerRecord<>(topics.name(lane), p, tick.time().toEpochMilli(),
                                bytes(Stages.MARKER_KEY), AvroCodec.encode(marker)));
                    }
                }
            }
            producer.flush();

            consumer.subscribe(List.of(topics.name(TopicRole.PREDICTIONS), topics.name(TopicRole.DEAD_LETTERS),
                    topics.name(TopicRole.MODELS)));
            List<ConsumerRecord<byte[], byte[]>> predictions = new ArrayList<>();
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            List<ModelRelease> models = new ArrayList<>();
            int expectedPredictions = telemetryCount + TICKS * PARTITIONS;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(topics.name(TopicRole.MODELS))) {
                        models.add(AvroCodec.decode(record.value(), ModelRelease.class));
                    } else {
                        (record.topic().equals(topics.name(TopicRole.PREDICTIONS)) ? predictions : deadLetters).add(record);
                    }
                }
                assertThat(app.health().failure()).isEmpty();
                return predictions.size() >= expectedPredictions && deadLetters.size() >= 2;
            });

            assertThat(app.health().healthy()).isTrue();
            assertThat(predictions).hasSize(expectedPredictions);
            assertThat(models).as("the trainer released a model at tick 40").singleElement()
                    .satisfies(m -> assertThat(m.getEffectiveTick()).isEqualTo(41L));
            Map<Integer, List<SpecificRecord>> byPartition = new TreeMap<>();
            for (ConsumerRecord<byte[], byte[]> record : predictions) {
                byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(AvroCodec.decodeAny(record.value()));
            }
            for (int p = 0; p < PARTITIONS; p++) {
                long tick = 0;
                List<SpecificRecord> records = byPartition.get(p);
                assertThat(records).as("partition %d", p).isNotNull();
                for (SpecificRecord value : records) {
                    if (value instanceof TickMarker marker) {
                        assertThat(marker.getStage()).isEqualTo(Stages.STREAMS);
                        assertThat(marker.getTick()).as("markers in tick order on partition %d", p).isEqualTo(tick);
                        assertThat(marker.getPartition()).isEqualTo(p);
                        assertThat(marker.getPartitionCount()).isEqualTo(PARTITIONS);
                        tick++;
                    } else {
                        Prediction prediction = (Prediction) value;
                        assertThat(prediction.getTick()).as("a prediction comes before its tick's marker").isEqualTo(tick);
                        assertThat(partitionOf.get(prediction.getNodeId()))
                                .as("co-partitioned with the node's telemetry").isEqualTo(p);
                        assertThat(prediction.getModelVersion()).as("model in effect at tick %d", tick)
                                .isEqualTo(tick >= 41 ? 1 : -1);
                    }
                }
                assertThat(tick).isEqualTo(TICKS);
            }

            Map<String, ConsumerRecord<byte[], byte[]>> lettersBySource = new HashMap<>();
            deadLetters.forEach(r -> lettersBySource.put(header(r, DeadLetterHeaders.TOPIC), r));
            assertThat(lettersBySource.get(topics.name(TopicRole.TELEMETRY))).satisfies(letter -> {
                assertThat(letter.value()).isEqualTo(malformed);
                assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("BAD_HEADER");
                assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("0");
            });
            assertThat(lettersBySource.get(ForesightTopology.modelBroadcastTopic(settings))).satisfies(letter -> {
                assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("BAD_HEADER");
                assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("1");
            });
        }
    }

    @Test
    void aDeadStreamThreadIsReportedNotSwallowed(TestKafka kafka) throws Exception {
        String prefix = kafka.uniquePrefix("streams-failure");
        StreamsSettings settings = TestSettings.small(stateDir)
                .applicationId(prefix.replace(".", "") + "-app")
                .topics(TopicSettings.defaults().withPrefix(prefix).withPartitions(1))
                .build();
        try (StreamsApp app = StreamsApp.start(settings, kafka.clientProperties());
             KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            // two markers that disagree on the partition count: the trainer cannot go on, and must not skip them
            for (int count : new int[] {2, 3}) {
                TickMarker marker = new TickMarker(Stages.STREAMS, 0L, 0, count, Fleet.START);
                producer.send(new ProducerRecord<>(ForesightTopology.trainerInputTopic(settings), bytes("0"),
                        AvroCodec.encode(marker))).get();
            }

            Throwable cause = app.failure().get(90, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(cause).hasStackTraceContaining("counts 3 partitions, but earlier ones counted 2");
            await().atMost(Duration.ofSeconds(30)).until(() -> !app.health().healthy());
            assertThat(app.health().failure()).containsSame(cause);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(TestKafka kafka) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(TestKafka kafka, String prefix) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "reader");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
