package dev.foresight.actuator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.ConsolidationSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.PowerStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PowerOnPolicyTest {

    private final PowerOnPolicy policy = new PowerOnPolicy();
    private final ActuatorSettings settings = ActuatorSettings.defaults()
            .withConsolidation(new ConsolidationSettings(0.5, 0.0, false, 240, 30));

    /** n0 on and half busy; n1..n3 off. */
    private static ClusterFixture halfOn() {
        return ClusterFixture.nodes(4, 4, 16, 65_536)
                .vm("n0", "a", "a", 8, 8192)
                .power("n1", PowerStatus.OFF).power("n2", PowerStatus.OFF).power("n3", PowerStatus.OFF);
    }

    @Test
    void wakesJustEnoughNodesForTheQueue() {
        // 20 cores queued, 8 free: one more 16-core node covers it
        var view = halfOn().job(ClusterFixture.queued("q", 0, 5, 4, 4096)).view(1);

        var proposals = policy.propose(Contexts.of(view, settings));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("POWER_ON n1");
        assertThat(proposals.get(0).reason()).contains("queued demand 20 cores", "free 8 cores", "240 s");
    }

    @Test
    void countsBootingNodesAsCapacityOnItsWay() {
        var view = halfOn().power("n1", PowerStatus.BOOTING).job(ClusterFixture.queued("q", 0, 5, 4, 4096)).view(1);

        assertThat(policy.propose(Contexts.of(view, settings))).isEmpty();
    }

    @Test
    void prefersSuspendedNodesAndSkipsBrokenOnes() {
        var view = halfOn().power("n3", PowerStatus.LOW_POWER).health("n1", HealthStatus.REPAIRING)
                .job(ClusterFixture.queued("q", 0, 10, 4, 4096)).view(1);

        var proposals = policy.propose(Contexts.of(view, settings));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("POWER_ON n3", "POWER_ON n2");
    }

    @Test
    void restoresTheHeadroomWithoutAQueue() {
        var withHeadroom = settings.withConsolidation(new ConsolidationSettings(0.5, 0.25, false, 240, 30));
        var view = halfOn().view(1);

        // 16 cores of headroom, 8 free
        assertThat(policy.propose(Contexts.of(view, withHeadroom))).extracting(Proposal::kind).containsExactly(CommandKind.POWER_ON);
    }

    @Test
    void leavesHighPriorityJobsToMakingRoomWhenItIsEnabled() {
        var view = halfOn().job(ClusterFixture.queued("vip", 1, 5, 4, 4096)).view(1);

        assertThat(policy.propose(Contexts.of(view, settings))).isEmpty();
        var alone = settings.withPolicies(EnumSet.of(PolicyKind.POWER_ON));
        assertThat(policy.propose(Contexts.of(view, alone))).hasSize(1);
    }
}
