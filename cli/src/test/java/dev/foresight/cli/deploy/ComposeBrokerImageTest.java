package dev.foresight.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cli.ForesightCommand;
import dev.foresight.cli.support.TickInputs;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The pipeline on the broker image docker-compose.yml deploys (apache/kafka, an older release than the clients
 * Foresight is built with): topics created with the CLI, ticks through the Streams topology, predictions back
 * tick by tick. Runs where Docker answers; skipped otherwise.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeBrokerImageTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(composeBrokerImage());

    private static final int NODES = 3;
    private static final int TICKS = 5;

    @TempDir
    Path stateDir;

    @Test
    void topicsStreamsAndPredictionsOnTheDeployedBrokerVersion() throws Exception {
        String prefix = "tc.";
        int created = ForesightCommand.commandLine().execute("topics", "--create", "--bootstrap-servers", KAFKA.getBootstrapServers(),
                "--prefix", prefix, "--partitions", "2");
        assertThat(created).isZero();
        Map<String, Object> kafka = Map.of("bootstrap.servers", KAFKA.getBootstrapServers());
        StreamsSettings settings = StreamsSettings.defaults().toBuilder().applicationId("tc-streams")
                .topics(TopicSettings.defaults().withPrefix(prefix).withPartitions(2)).stateDir(stateDir).build();
        TopicCatalogue topics = settings.catalogue();
        try (StreamsApp app = StreamsApp.start(settings, kafka);
             TickedTopicReader<Prediction> predictions = new TickedTopicReader<>(kafka, topics.name(TopicRole.PREDICTIONS),
                     Prediction.class, "streams")) {
            TickInputs.publish(kafka, topics, NODES, TICKS, prefix + "simulator");
            for (long tick = 0; tick < TICKS; tick++) {
                List<Prediction> scored = predictions.awaitTick(tick, Comparator.comparing(Prediction::getNodeId),
                        Duration.ofSeconds(90), () -> app.health().failure().isEmpty());
                assertThat(scored).as("tick %d", tick).extracting(Prediction::getNodeId).containsExactly("node-000", "node-001", "node-002");
            }
        }
    }

    /** The image of the compose file's brokers, so this test follows the deployment. */
    static String composeBrokerImage() {
        try {
            return ComposeFile.read(RepositoryFiles.compose()).services().get("kafka-1").image();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
