package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.producers.sim.MarkedTickWriter;
import dev.foresight.producers.sim.MarkedTickWriter.Keyed;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Duplicated and out-of-order telemetry through the real Streams app on the broker, against the same input
 * without them (both apps run side by side). What the topology promises (streams README, "Duplicates and
 * out-of-order samples"), one node per case:
 * <ul>
 *   <li>node-0000, the same sample twice in one tick: the window is unchanged (a sample at a held time replaces
 *       it), and the duplicate yields a second, identical feature vector and prediction;</li>
 *   <li>node-0001, an old sample delivered again 3 ticks later, within the longest window: it replaces the held
 *       copy; one extra vector and prediction, stamped with the old sample's time and tick; every other vector
 *       as without it;</li>
 *   <li>node-0002, a sample delivered 2 ticks late, within the longest window: inserted in time order; its own
 *       vector is emitted when it arrives, stamped with its time and tick; vectors emitted before it arrived
 *       lack it; every vector from its arrival on is exactly the on-time run's;</li>
 *   <li>node-0003, an old sample delivered again after the longest window: dead-lettered as LATE_SAMPLE (re-encoded,
 *       offset -1), nothing else changes;</li>
 *   <li>labels: node-0000's duplicated window (tick 10) is still pending when the copy arrives and is labelled once;
 *       node-0006's tick-5 sample, delivered again at tick 9, after its window was labelled (horizon 2 minutes) but
 *       within the longest window, is labelled again: a second training example for the same window;</li>
 *   <li>node-0004 and node-0005 untouched, and identical in both runs.</li>
 * </ul>
 * Feature windows are 2 and 5 minutes here (one-minute ticks), so "older than the longest window" is 6 ticks; the
 * horizon is 2 minutes and every fifth tick's window is labelled.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DuplicateAndLateTelemetryTest {

    static final int TICKS = 20;
    static final int NODES = 7;
    static final int PARTITIONS = 2;
    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    /** One feature vector as it matters here. */
    record Vector(long tick, long time, List<Double> values) {}

    @Test
    void duplicatesAndLateSamplesAreHandledAsDocumented(TestKafka kafka, @TempDir Path dir) throws Exception {
        TopicCatalogue clean = start(kafka, "dup-clean", dir.resolve("clean"), t -> tick(t, false));
        TopicCatalogue faulty = start(kafka, "dup-faulty", dir.resolve("faulty"), t -> tick(t, true));
        List<StreamsApp> apps = new ArrayList<>(running.values());
        try {
            Map<String, List<Vector>> cleanVectors = awaitVectors(kafka, clean);
            Map<String, List<Vector>> faultyVectors = awaitVectors(kafka, faulty);

            // node-0000: the duplicate yields an identical second vector right after the first
            List<Vector> expected0 = new ArrayList<>(cleanVectors.get(node(0)));
            expected0.add(10, expected0.get(10));
            assertThat(faultyVectors.get(node(0))).isEqualTo(expected0);

            // node-0001: one extra vector for the re-sent sample (tick 9) among tick 12's; nothing else moves
            List<Vector> got1 = new ArrayList<>(faultyVectors.get(node(1)));
            assertThat(got1).hasSize(TICKS + 1);
            Vector resent = got1.remove(12);
            assertThat(resent.tick()).isEqualTo(9);
            assertThat(resent.time()).isEqualTo(time(9).toEpochMilli());
            assertThat(got1).isEqualTo(cleanVectors.get(node(1)));

            // node-0002: tick 8's sample arrives in tick 10; vectors before lack it, vectors from then on are the on-time run's
            List<Vector> on = cleanVectors.get(node(2));
            List<Vector> late = faultyVectors.get(node(2));
            assertThat(late).extracting(Vector::tick)
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 9L, 8L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
            assertThat(late.subList(0, 8)).isEqualTo(on.subList(0, 8));
            assertThat(late.get(8).values()).as("tick 9's vector misses tick 8's sample").isNotEqualTo(on.get(9).values());
            assertThat(late.get(9).time()).isEqualTo(time(8).toEpochMilli());
            assertThat(late.subList(10, TICKS)).isEqualTo(on.subList(10, TICKS));

            // node-0003: the sample older than the longest window changes nothing ...
            assertThat(faultyVectors.get(node(3))).isEqualTo(cleanVectors.get(node(3)));
            // ... and the untouched nodes are untouched
            for (int n = 4; n < 6; n++) {
                assertThat(faultyVectors.get(node(n))).isEqualTo(cleanVectors.get(node(n)));
            }
            // node-0006: one extra vector, for the tick-5 sample delivered again at tick 9
            List<Vector> got6 = new ArrayList<>(faultyVectors.get(node(6)));
            assertThat(got6.remove(9).tick()).isEqualTo(5);
            assertThat(got6).isEqualTo(cleanVectors.get(node(6)));

            // labels (training examples, by node and window tick)
            Map<String, List<Long>> cleanExamples = byNode(kafka, clean.name(TopicRole.TRAINING), LabeledExample.class,
                    LabeledExample::getNodeId, LabeledExample::getTick);
            Map<String, List<Long>> faultyExamples = byNode(kafka, faulty.name(TopicRole.TRAINING), LabeledExample.class,
                    LabeledExample::getNodeId, LabeledExample::getTick);
            assertThat(cleanExamples.get(node(0))).as("every fifth tick's window, once the horizon has passed").contains(0L, 5L, 10L, 15L);
            for (int n = 0; n < 6; n++) {
                assertThat(faultyExamples.get(node(n))).as(node(n)).isEqualTo(cleanExamples.get(node(n)));
            }
            List<Long> relabelled = new ArrayList<>(faultyExamples.get(node(6)));
            assertThat(relabelled.remove(Long.valueOf(5))).isTrue();
            assertThat(relabelled).as("tick 5's window is labelled twice").isEqualTo(cleanExamples.get(node(6)));

            // one prediction per vector, in the same order, in both runs
            for (TopicCatalogue topics : List.of(clean, faulty)) {
                Map<String, List<Vector>> vectors = topics == clean ? cleanVectors : faultyVectors;
                Map<String, List<String>> predicted = byNode(kafka, topics.name(TopicRole.PREDICTIONS), Prediction.class,
                        p -> p.getNodeId(), p -> p.getTick() + "@" + p.getTimestamp().toEpochMilli());
                for (int n = 0; n < NODES; n++) {
                    assertThat(predicted.get(node(n))).as(topics.settings().prefix() + node(n))
                            .isEqualTo(vectors.get(node(n)).stream().map(v -> v.tick() + "@" + v.time()).toList());
                }
            }

            // the one dead letter: node-0003's sample of tick 3, re-sent at tick 12
            assertThat(TopicContents.readCommitted(kafka.clientProperties(), clean.name(TopicRole.DEAD_LETTERS))).isEmpty();
            List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.readCommitted(kafka.clientProperties(),
                    faulty.name(TopicRole.DEAD_LETTERS));
            assertThat(letters).hasSize(1);
            ConsumerRecord<byte[], byte[]> letter = letters.get(0);
            assertThat(MalformedTelemetryTest.header(letter, DeadLetterHeaders.REASON)).isEqualTo("LATE_SAMPLE");
            assertThat(MalformedTelemetryTest.header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(faulty.name(TopicRole.TELEMETRY));
            assertThat(MalformedTelemetryTest.header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("-1");
            assertThat(MalformedTelemetryTest.header(letter, DeadLetterHeaders.MESSAGE)).contains(node(3));
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(node(3));
            assertThat(AvroCodec.decode(letter.value(), NodeTelemetry.class)).isEqualTo(sample(3, 3));
        } finally {
            apps.forEach(StreamsApp::close);
        }
    }

    /** The telemetry of one tick: every node's sample, and in the faulty run the duplicates and late samples. */
    static List<Keyed> tick(long t, boolean faulty) {
        List<Keyed> records = new ArrayList<>();
        if (faulty && t == 10) {
            records.add(keyed(2, 8)); // node-0002's tick-8 sample, two ticks late
        }
        if (faulty && t == 9) {
            records.add(keyed(6, 5)); // node-0006's tick-5 sample again: labelled already, still within the window
        }
        if (faulty && t == 12) {
            records.add(keyed(1, 9)); // node-0001's tick-9 sample again, within the window
            records.add(keyed(3, 3)); // node-0003's tick-3 sample again, 9 minutes old: beyond the 5-minute window
        }
        for (int n = 0; n < NODES; n++) {
            if (faulty && n == 2 && t == 8) {
                continue;
            }
            records.add(keyed(n, t));
            if (faulty && n == 0 && t == 10) {
                records.add(keyed(n, t)); // the same record twice
            }
        }
        return records;
    }

    static Keyed keyed(int node, long tick) {
        return new Keyed(node(node), sample(node, tick));
    }

    static NodeTelemetry sample(int node, long tick) {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("cpu_util", ((node * 37 + tick * 11) % 100) / 100.0);
        metrics.put("temp_cpu_c", 40.0 + node + (tick * 3 % 7));
        metrics.put("ecc_correctable_total", (double) (tick * (node + 1)));
        return new NodeTelemetry(node(node), time(tick), tick, metrics, "fault-injection");
    }

    static String node(int n) {
        return String.format(Locale.ROOT, "node-%04d", n);
    }

    static Instant time(long tick) {
        return START.plusSeconds(60 * tick);
    }

    private final Map<String, StreamsApp> running = new HashMap<>();

    /** Creates the topics, writes every tick in lockstep form, and starts the Streams app on them. */
    private TopicCatalogue start(TestKafka kafka, String label, Path stateDir, Function<Long, List<Keyed>> ticks) {
        String prefix = kafka.uniquePrefix(label);
        StreamsSettings settings = StreamsSettings.defaults().toBuilder()
                .applicationId(prefix + "streams")
                .topics(TopicSettings.defaults().withPrefix(prefix).withPartitions(PARTITIONS))
                .windows(List.of(Duration.ofMinutes(2), Duration.ofMinutes(5)))
                .horizon(Duration.ofMinutes(2))
                .stateDir(stateDir)
                .build();
        StreamsApp.createTopics(settings, kafka.clientProperties());
        TopicCatalogue topics = settings.catalogue();
        try (MarkedTickWriter writer = new MarkedTickWriter(kafka.clientProperties(), topics, "simulator", prefix + "writer")) {
            for (long t = 0; t < TICKS; t++) {
                writer.writeTick(t, time(t).toEpochMilli(), Map.of(TopicRole.TELEMETRY, ticks.apply(t), TopicRole.NODE_EVENTS, List.of()),
                        List.of(TopicRole.TELEMETRY, TopicRole.NODE_EVENTS));
            }
        }
        running.put(label, StreamsApp.start(settings, kafka.clientProperties()));
        return topics;
    }

    /** Waits for the last tick's streams markers on every partition of the features topic, then reads it by node. */
    private Map<String, List<Vector>> awaitVectors(TestKafka kafka, TopicCatalogue topics) {
        String featuresTopic = topics.name(TopicRole.FEATURES);
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            running.values().forEach(app -> assertThat(app.failure()).isNotDone());
            return TopicContents.readCommitted(kafka.clientProperties(), featuresTopic).stream()
                    .map(r -> AvroCodec.decodeAny(r.value()))
                    .filter(v -> v instanceof TickMarker m && m.getTick() == TICKS - 1)
                    .count() == PARTITIONS;
        });
        return byNode(kafka, featuresTopic, FeatureVector.class, FeatureVector::getNodeId,
                v -> new Vector(v.getTick(), v.getTimestamp().toEpochMilli(), List.copyOf(v.getValues())));
    }

    /** A topic's records of one type, grouped by node, in log order (a node's records share a partition). */
    static <T extends SpecificRecord, R> Map<String, List<R>> byNode(TestKafka kafka, String topic, Class<T> type,
                                                                      Function<T, String> node, Function<T, R> project) {
        Map<String, List<R>> byNode = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicContents.readCommitted(kafka.clientProperties(), topic)) {
            SpecificRecord value = AvroCodec.decodeAny(record.value());
            if (type.isInstance(value)) {
                T typed = type.cast(value);
                byNode.computeIfAbsent(node.apply(typed), k -> new ArrayList<>()).add(project.apply(typed));
            }
        }
        return byNode;
    }
}
