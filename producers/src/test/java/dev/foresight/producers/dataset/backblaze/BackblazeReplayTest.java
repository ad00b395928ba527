package dev.foresight.producers.dataset.backblaze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.producers.dataset.SamplingWeights;
import dev.foresight.producers.dataset.SharedDatasets;
import dev.foresight.producers.recording.RecordingReplayer;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** An imported dataset is a recording like any other: {@code foresight replay} publishes it tick by tick. */
@ExtendWith(KafkaBrokerExtension.class)
class BackblazeReplayTest {

    @Test
    void anImportedRecordingReplaysIntoKafkaOneTickPerDay(TestKafka kafka, @TempDir Path dir) throws Exception {
        Path recording = dir.resolve("cut");
        BackblazeImporter.run(BackblazeImportOptions.of(List.of(SharedDatasets.resource("backblaze/drive-days-cut.csv")), recording)
                .withSampling(new SamplingWeights(5, 1)));
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(kafka.uniquePrefix("bb-replay")).withPartitions(2));
        try (Admin admin = kafka.newAdmin()) {
            new TopicAdministrator(admin, 30_000).createMissing(topics);
        }

        RecordingReplayer.Summary summary = new RecordingReplayer(recording)
                .publish(kafka.clientProperties(), topics, "bb-replay-" + System.nanoTime(), 0, tick -> { });

        assertThat(summary.ticks()).isEqualTo(40);
        assertThat(summary.telemetry()).isEqualTo(348);
        assertThat(summary.events()).isEqualTo(3);
        try (var telemetry = new TickedTopicReader<>(kafka.clientProperties(), topics.name(TopicRole.TELEMETRY), NodeTelemetry.class,
                TickPublisher.STAGE);
             var events = new TickedTopicReader<>(kafka.clientProperties(), topics.name(TopicRole.NODE_EVENTS), NodeEvent.class,
                     TickPublisher.STAGE)) {
            List<NodeTelemetry> day0 = telemetry.awaitTick(0, Comparator.comparing(NodeTelemetry::getNodeId), Duration.ofSeconds(30),
                    () -> true);
            assertThat(day0).hasSize(10).allSatisfy(t -> assertThat(t.getSource()).isEqualTo("backblaze"));
            assertThat(events.awaitTick(14, Comparator.comparing(NodeEvent::getNodeId), Duration.ofSeconds(30), () -> true))
                    .extracting(NodeEvent::getNodeId).containsExactly("6XW057BA");
        }
    }
}
