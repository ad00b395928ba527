package dev.foresight.actuator.policy;

import static dev.foresight.actuator.ClusterFixture.calm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.ConsolidationSettings;
import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.PowerStatus;
import org.junit.jupiter.api.Test;

class ConsolidationPolicyTest {

    private final ConsolidationPolicy policy = new ConsolidationPolicy();

    private static ActuatorSettings headroom(double fraction) {
        return ActuatorSettings.defaults().withConsolidation(new ConsolidationSettings(0.5, fraction, false, 240, 30));
    }

    @Test
    void packsTheLeastLoadedNodesFirstFitDecreasingOntoTheFullest() {
        // 4 nodes of 16 cores, 12 used in all (19%): n3 (2 cores) and n2 (4 cores) can go to n0 (6 used);
        // n1, idle, must stay on: without it, free cores (4 on n0) would fall below the 16-core headroom
        var view = ClusterFixture.nodes(4, 4, 16, 65_536)
                .vm("n0", "a", "a", 6, 4096)
                .vm("n2", "c1", "c", 2, 2048).vm("n2", "c2", "c", 2, 2048)
                .vm("n3", "d", "d", 2, 1024)
                .view(1);

        var proposals = policy.propose(Contexts.of(view, headroom(0.25)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject() + " " + p.source() + "->" + p.target())
                .containsExactly(
                        "MIGRATE d n3->n0",
                        "MIGRATE c1 n2->n0",
                        "MIGRATE c2 n2->n0");
        assertThat(proposals.get(0).reason()).contains("utilization 19%", "emptying n3");
    }

    @Test
    void keepsTheHeadroom() {
        // 58 of 64 cores free; emptying n1 leaves 42, above half the cluster; then nothing else may go
        var view = ClusterFixture.nodes(4, 4, 16, 65_536)
                .vm("n0", "a", "a", 4, 4096)
                .vm("n1", "b", "b", 2, 4096)
                .view(1);

        var proposals = policy.propose(Contexts.of(view, headroom(0.5)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject() + " " + p.target())
                .containsExactly("MIGRATE b n0");

        // a smaller headroom lets the idle nodes go too, but never moves load onto an idle node
        var relaxed = policy.propose(Contexts.of(view, headroom(0.1)));
        assertThat(relaxed).extracting(p -> p.kind() + " " + p.subject())
                .containsExactly("MIGRATE b", "POWER_OFF n2", "POWER_OFF n3");
    }

    @Test
    void neverEmptiesANodeWithPassthroughVmsButUsesItAsATarget() {
        var view = ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", ClusterFixture.passthrough("p", "p", 2, 2048))
                .vm("n1", "b", "b", 4, 4096)
                .view(1);

        var proposals = policy.propose(Contexts.of(view, headroom(0.1)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject() + " " + p.target())
                .containsExactly("MIGRATE b n0");
    }

    @Test
    void suspendsInsteadOfPoweringOffWhenConfigured() {
        var settings = ActuatorSettings.defaults().withConsolidation(new ConsolidationSettings(0.5, 0.1, true, 240, 30));
        var view = ClusterFixture.nodes(3, 3, 16, 65_536).vm("n0", "a", "a", 4, 4096).view(1);

        var proposals = policy.propose(Contexts.of(view, settings));

        assertThat(proposals).filteredOn(p -> p.kind() == CommandKind.POWER_OFF)
                .allSatisfy(p -> assertThat(p.target()).isEqualTo(ClusterCommand.LOW_POWER_TARGET));
    }

    @Test
    void doesNothingWhileJobsAreQueued() {
        var view = ClusterFixture.nodes(4, 4, 16, 65_536)
                .vm("n0", "a", "a", 2, 2048)
                .job(ClusterFixture.queued("q", 0, 1, 4, 4096))
                .view(1);

        assertThat(policy.propose(Contexts.of(view, headroom(0.1)))).isEmpty();
    }

    @Test
    void doesNotPackABusyCluster() {
        var view = ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", "a", "a", 12, 4096)
                .vm("n1", "b", "b", 4, 4096)
                .view(1);

        assertThat(policy.propose(Contexts.of(view, headroom(0.1)))).isEmpty();
    }

    @Test
    void powersOffTheRiskiestIdleNodeFirstAndNeverOneJustPoweredOn() {
        var view = ClusterFixture.nodes(4, 4, 16, 65_536)
                .vm("n0", "a", "a", 14, 4096)
                .power("n3", PowerStatus.OFF)
                .view(40);
        var justOn = new OperationsViewStub().poweredOn("n1", 35);

        var proposals = policy.propose(Contexts.of(view, headroom(0.05), justOn, calm("n2", 40, 0.15), calm("n1", 40, 0.18)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("POWER_OFF n2");
    }
}
