package dev.foresight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.topics.TopicSpec;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    @Test
    void defaultNamesFollowTheDesign() {
        TopicCatalogue catalogue = TopicCatalogue.defaults();
        assertThat(catalogue.all()).extracting(TopicSpec::name).containsExactly(
                "foresight.telemetry", "foresight.node-events", "foresight.features", "foresight.training",
                "foresight.models", "foresight.predictions", "foresight.cluster-state", "foresight.commands",
                "foresight.command-results", "foresight.dead-letters");
    }

    @Test
    void historyTopicsKeepEverythingAndStateTopicsAreCompacted() {
        TopicCatalogue catalogue = TopicCatalogue.defaults();
        for (TopicSpec spec : catalogue.all()) {
            assertThat(spec.configs()).containsEntry("retention.ms", "-1");
        }
        assertThat(catalogue.spec(TopicRole.CLUSTER_STATE).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(catalogue.spec(TopicRole.MODELS).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(catalogue.spec(TopicRole.TELEMETRY).configs()).containsEntry("cleanup.policy", "delete");
        assertThat(catalogue.spec(TopicRole.MODELS).partitions()).isEqualTo(1);
        assertThat(Integer.parseInt(catalogue.spec(TopicRole.MODELS).configs().get("max.message.bytes")))
                .isGreaterThan(1024 * 1024);
    }

    @Test
    void nodeKeyedTopicsAreCoPartitioned() {
        TopicCatalogue catalogue = TopicCatalogue.of(TopicSettings.defaults().withPartitions(6).withPrefix("exp1."));
        assertThat(catalogue.all()).filteredOn(s -> s.role() != TopicRole.MODELS)
                .extracting(TopicSpec::partitions).containsOnly(6);
        assertThat(catalogue.name(TopicRole.TELEMETRY)).isEqualTo("exp1.telemetry");
        assertThat(catalogue.byName("exp1.commands")).map(TopicSpec::role).contains(TopicRole.COMMANDS);
    }

    @Test
    void badSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> TopicSettings.defaults().withPartitions(0)).hasMessageContaining("partitions must be >= 1");
        assertThatThrownBy(() -> TopicSettings.defaults().withPrefix("bad prefix!")).hasMessageContaining("topic prefix");
    }
}
