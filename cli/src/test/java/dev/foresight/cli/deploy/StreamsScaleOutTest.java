package dev.foresight.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.TickReport;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.feature.LoadBaselines;
import dev.foresight.producers.sim.AvroMapping;
import dev.foresight.producers.sim.MarkedTickWriter;
import dev.foresight.producers.sim.MarkedTickWriter.Keyed;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.ForesightTopology;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.LockstepTuning;
import dev.foresight.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose file's two Streams instances are a valid deployment: two instances with one application id
 * split the partitions between them and, fed the same ticks, publish exactly the predictions one instance
 * publishes (same nodes, probabilities, alarms and model versions, tick by tick).
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsScaleOutTest {

    private static final int PARTITIONS = 4;
    private static final String SCENARIO = """
            name: scale-out
            seed: 3
            nodes: 12
            racks: 2
            durationTicks: 240
            failures:
              weibull: {shape: 0.7, scaleHours: 1}
              classes:
                memory: {share: 0.5, announced: 0.9, leadMinutes: {min: 5, max: 20}}
                thermal: {share: 0.3, announced: 0.9, leadMinutes: {min: 5, max: 20}}
                power: {share: 0.2, announced: 0.9, leadMinutes: {min: 5, max: 20}}
                disk: {share: 0}
                software: {share: 0}
                other: {share: 0}
            """;

    @TempDir
    Path single;
    @TempDir
    Path firstOfTwo;
    @TempDir
    Path secondOfTwo;

    @Test
    void twoInstancesPredictWhatOneInstancePredicts(TestKafka kafka) throws Exception {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "scale-out");
        List<TickReport> ticks = simulate(scenario);
        Map<String, Object> client = LockstepTuning.streamsClient(kafka.clientProperties());

        StreamsSettings one = settings(kafka.uniquePrefix("one"), single);
        StreamsSettings two = settings(kafka.uniquePrefix("two"), firstOfTwo);
        // StreamsApp.start creates the application's topics and starts at once; Kafka Streams fails fatally when a
        // source topic created a moment ago is not in its metadata yet, so the test lets them settle first.
        prepareTopics(one, client);
        prepareTopics(two, client);
        try (StreamsApp alone = StreamsApp.start(one, client);
             StreamsApp first = StreamsApp.start(two, client);
             StreamsApp second = StreamsApp.start(two.toBuilder().stateDir(secondOfTwo).build(), client)) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                for (StreamsApp app : List.of(alone, first, second)) {
                    assertThat(app.health().failure()).isEmpty();
                    assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
                }
                assertThat(activeTasks(first)).as("first of two has partitions").isPositive();
                assertThat(activeTasks(second)).as("second of two has partitions").isPositive();
            });
            assertThat(activeTasks(first) + activeTasks(second)).as("together they hold what one holds").isEqualTo(activeTasks(alone));

            publish(client, one.catalogue(), ticks, "one-simulator");
            publish(client, two.catalogue(), ticks, "two-simulator");

            List<Prediction> fromOne = new ArrayList<>();
            List<Prediction> fromTwo = new ArrayList<>();
            try (var readOne = reader(client, one); var readTwo = reader(client, two)) {
                for (TickReport tick : ticks) {
                    List<Prediction> a = readOne.awaitTick(tick.tick(), Comparator.comparing(Prediction::getNodeId),
                            Duration.ofSeconds(60), () -> alone.health().failure().isEmpty());
                    List<Prediction> b = readTwo.awaitTick(tick.tick(), Comparator.comparing(Prediction::getNodeId),
                            Duration.ofSeconds(60), () -> first.health().failure().isEmpty() && second.health().failure().isEmpty());
                    assertThat(b).as("predictions of tick %d", tick.tick()).isEqualTo(a);
                    assertThat(a).as("a prediction per node that sent telemetry at tick %d", tick.tick()).hasSize(tick.telemetry().size());
                    fromOne.addAll(a);
                    fromTwo.addAll(b);
                }
            }
            assertThat(fromTwo).isEqualTo(fromOne);
            assertThat(fromOne).extracting(Prediction::getModelVersion).as("a released model scored the later ticks")
                    .contains(-1, 1);
        }
    }

    private static StreamsSettings settings(String prefix, Path stateDir) {
        return StreamsSettings.builder()
                .applicationId(prefix.replace(".", "") + "-streams")
                .topics(TopicSettings.defaults().withPrefix(prefix).withPartitions(PARTITIONS))
                .windows(List.of(Duration.ofMinutes(5), Duration.ofMinutes(15)))
                .horizon(Duration.ofMinutes(10))
                .labelEveryTicks(1)
                .trainingPeriodTicks(30)
                .bufferCapacityPerClass(400)
                .minHeldOutPositives(2)
                // two hours of a dozen nodes are too few to reach a useful precision; the test is about the release reaching
                // every instance, so any model that ranks better than chance is released
                .targetPrecision(0.2)
                .tickLength(Duration.ofSeconds(60))
                .predictor(PredictorOptions.defaults().withForest(PredictorOptions.Forest.defaults().withTrees(20)))
                .stateDir(stateDir)
                .persistentStores(false)
                // a two-hour run: the plain statistics, since load baselines learn from samples older than the window
                .loadBaselines(LoadBaselines.none())
                .nodeLife(false)
                .build();
    }

    private static List<TickReport> simulate(Scenario scenario) {
        ClusterSimulation simulation = ClusterSimulation.create(scenario, scenario.seed());
        List<TickReport> ticks = new ArrayList<>();
        while (!simulation.finished()) {
            ticks.add(simulation.advance());
        }
        return ticks;
    }

    private static void publish(Map<String, Object> kafka, TopicCatalogue topics, List<TickReport> ticks, String transactionalId) {
        try (Admin admin = Admin.create(kafka)) {
            new TopicAdministrator(admin, 30_000).createMissing(topics);
        }
        try (MarkedTickWriter writer = new MarkedTickWriter(kafka, topics, TickPublisher.STAGE, topics.settings().prefix() + transactionalId)) {
            for (TickReport tick : ticks) {
                Map<TopicRole, List<Keyed>> records = new EnumMap<>(TopicRole.class);
                List<Keyed> telemetry = new ArrayList<>();
                for (TelemetrySample sample : tick.telemetry()) {
                    telemetry.add(new Keyed(sample.nodeId(), AvroMapping.telemetry(sample, tick.tick())));
                }
                List<Keyed> events = new ArrayList<>();
                for (NodeEventRecord event : tick.events()) {
                    events.add(new Keyed(event.nodeId(), AvroMapping.event(event, tick.tick())));
                }
                records.put(TopicRole.TELEMETRY, telemetry);
                records.put(TopicRole.NODE_EVENTS, events);
                writer.writeTick(tick.tick(), tick.timeMillis(), records, List.of(TopicRole.TELEMETRY, TopicRole.NODE_EVENTS));
            }
        }
    }

    private static TickedTopicReader<Prediction> reader(Map<String, Object> kafka, StreamsSettings settings) {
        return new TickedTopicReader<>(kafka, settings.catalogue().name(TopicRole.PREDICTIONS), Prediction.class, "streams");
    }

    private static void prepareTopics(StreamsSettings settings, Map<String, Object> client) {
        StreamsApp.createTopics(settings, client);
        List<String> names = new ArrayList<>(settings.catalogue().all().stream().map(t -> t.name()).toList());
        ForesightTopology.internalTopics(settings).forEach(t -> names.add(t.name()));
        try (Admin admin = Admin.create(client)) {
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.describeTopics(names).allTopicNames().get()
                    .values().stream().allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null)));
        }
    }

    private static long activeTasks(StreamsApp app) {
        return app.streams().metadataForLocalThreads().stream().mapToLong(t -> t.activeTasks().size()).sum();
    }
}
