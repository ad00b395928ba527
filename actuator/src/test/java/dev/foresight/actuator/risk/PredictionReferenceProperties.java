package dev.foresight.actuator.risk;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** A command names the prediction it answers, and the experiments read the node and tick back from that name. */
class PredictionReferenceProperties {

    @Property
    void theReferenceNamesItsNodeAndTick(@ForAll @StringLength(min = 1, max = 20) String nodeId,
                                         @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long tick,
                                         @ForAll @IntRange(min = -1, max = 1_000) int modelVersion) {
        assertThat(NodeRisk.referenced(NodeRisk.reference(nodeId, tick, modelVersion)))
                .contains(new NodeRisk.Referenced(nodeId, tick));
    }

    @Property
    void anyTextIsReadOrRefusedWithoutAnError(@ForAll String text) {
        assertThat(NodeRisk.referenced(text)).isNotNull();
    }

    @Test
    void textNotInTheFormIsRefused() {
        assertThat(NodeRisk.referenced(null)).isEmpty();
        assertThat(NodeRisk.referenced("node-1")).isEmpty();
        assertThat(NodeRisk.referenced("@12/v1")).isEmpty();
        assertThat(NodeRisk.referenced("node-1@x/v1")).isEmpty();
        assertThat(NodeRisk.referenced("node-1@12")).isEmpty();
    }
}
