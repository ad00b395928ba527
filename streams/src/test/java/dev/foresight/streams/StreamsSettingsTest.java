package dev.foresight.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.Algorithm;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.errors.DeadLetterDeserializationHandler;
import dev.foresight.streams.errors.DeadLetterProcessingHandler;
import dev.foresight.streams.features.FeatureProcessor;
import dev.foresight.streams.labels.LabelProcessor;
import dev.foresight.streams.lockstep.TickAligner;
import dev.foresight.streams.scoring.ScoringProcessor;
import dev.foresight.streams.training.TrainerProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void defaultsRunExactlyOnceWithTheDeadLetterHandlers() {
        StreamsSettings settings = StreamsSettings.defaults();
        Properties props = StreamsApp.properties(settings, Map.of("bootstrap.servers", "localhost:9092"));

        assertThat(settings.exactlyOnce()).isTrue();
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("foresight-streams");
        assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterDeserializationHandler.class);
        assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(DeadLetterProcessingHandler.class);
        assertThat(props.get(DeadLetterDeserializationHandler.DEAD_LETTER_TOPIC_CONFIG)).isEqualTo("foresight.dead-letters");
        assertThat(props.get(StreamsConfig.producerPrefix("max.request.size")))
                .isEqualTo(TopicSettings.DEFAULT_MAX_MODEL_BYTES);
        assertThat(props.get("bootstrap.servers")).isEqualTo("localhost:9092");
        assertThat(settings.repairGrace()).as("defaults to the longest window").isEqualTo(Duration.ofMinutes(120));
        assertThat(settings.predictor().algorithm()).isEqualTo(Algorithm.RANDOM_FOREST);
        assertThat(settings.withAlgorithm(Algorithm.GRADIENT_BOOSTING).predictor().algorithm())
                .isEqualTo(Algorithm.GRADIENT_BOOSTING);
    }

    @Test
    void theTransactionTimeoutIsTwoMinutesUnlessTheClientConfigurationSetsOne() {
        String key = StreamsConfig.producerPrefix("transaction.timeout.ms");
        Properties defaults = StreamsApp.properties(StreamsSettings.defaults(), Map.of("bootstrap.servers", "localhost:9092"));
        Properties given = StreamsApp.properties(StreamsSettings.defaults(),
                Map.of("bootstrap.servers", "localhost:9092", key, 20_000));

        assertThat(defaults.get(key)).isEqualTo((int) StreamsApp.TRANSACTION_TIMEOUT.toMillis()).isEqualTo(120_000);
        assertThat(given.get(key)).isEqualTo(20_000);
    }

    @Test
    void impossibleSettingsAreRefusedNamingTheSetting() {
        StreamsSettings.Builder builder = StreamsSettings.builder();
        assertThatThrownBy(() -> builder.modelDelayTicks(0).build()).hasMessageContaining("modelDelayTicks");
        assertThatThrownBy(() -> StreamsSettings.builder().trainingPeriodTicks(0).build())
                .hasMessageContaining("trainingPeriodTicks");
        assertThatThrownBy(() -> StreamsSettings.builder().nodeIdPattern("node-(").build())
                .hasMessageContaining("nodeIdPattern");
        assertThatThrownBy(() -> StreamsSettings.builder().applicationId(" ").build())
                .hasMessageContaining("applicationId");
        assertThatThrownBy(() -> StreamsSettings.builder().windows(List.of(Duration.ofMillis(1500))).build())
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> StreamsSettings.builder().targetPrecision(0).build())
                .hasMessageContaining("targetPrecision");
        assertThatThrownBy(() -> StreamsSettings.builder().horizon(Duration.ZERO).build())
                .hasMessageContaining("horizon");
    }

    @Test
    void theTopologyHasAPerPartitionPartAndATrainerWithNamedStores() {
        StreamsSettings settings = StreamsSettings.defaults().withTopicPrefix("exp1.");
        TopologyDescription description = ForesightTopology.build(settings).describe();

        assertThat(description.subtopologies()).hasSize(2);
        String text = description.toString();
        assertThat(text).contains("exp1.telemetry", "exp1.node-events", "exp1.features", "exp1.training",
                "exp1.predictions", "exp1.models", "exp1.dead-letters",
                "exp1.foresight-streams-trainer-input", "exp1.foresight-streams-model-broadcast");
        assertThat(text).contains(TickAligner.INBOX_STORE, FeatureProcessor.WINDOWS_STORE, LabelProcessor.HISTORY_STORE,
                LabelProcessor.PENDING_STORE, TrainerProcessor.INBOX_STORE, TrainerProcessor.STATE_STORE,
                ScoringProcessor.BACKLOG_STORE, ScoringProcessor.MODELS_STORE, ScoringProcessor.PROGRESS_STORE);

        List<NewTopic> internal = ForesightTopology.internalTopics(settings);
        assertThat(internal).extracting(NewTopic::name, NewTopic::numPartitions).containsExactly(
                org.assertj.core.groups.Tuple.tuple("exp1.foresight-streams-trainer-input", 1),
                org.assertj.core.groups.Tuple.tuple("exp1.foresight-streams-model-broadcast", 4));
        assertThat(internal.get(1).configs()).containsEntry("max.message.bytes",
                Integer.toString(TopicSettings.DEFAULT_MAX_MODEL_BYTES));
    }
}
