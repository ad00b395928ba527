package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.ScenarioLoader;
import org.junit.jupiter.api.Test;

class ScenarioDigestTest {

    @Test
    void theDigestFollowsTheContentNotTheWayItWasWritten() {
        String a = ScenarioDigest.of(ScenarioLoader.parse("name: t\nnodes: 12\nracks: 2\ndurationTicks: 100\n", "a"));
        String sameInOtherOrder = ScenarioDigest.of(ScenarioLoader.parse("durationTicks: 100\nracks: 2\nnodes: 12\nname: t\n", "b"));
        String oneValueOff = ScenarioDigest.of(ScenarioLoader.parse("name: t\nnodes: 12\nracks: 2\ndurationTicks: 101\n", "c"));

        assertThat(sameInOtherOrder).isEqualTo(a);
        assertThat(oneValueOff).isNotEqualTo(a);
        assertThat(ScenarioDigest.of(ScenarioLoader.builtIn("demo"))).isEqualTo(ScenarioDigest.of(ScenarioLoader.builtIn("demo")))
                .isNotEqualTo(ScenarioDigest.of(ScenarioLoader.builtIn("small")));
    }
}
