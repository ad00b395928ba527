package dev.foresight.actuator.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.view.PowerStatus;
import org.junit.jupiter.api.Test;

class MakingRoomPolicyTest {

    private final MakingRoomPolicy policy = new MakingRoomPolicy();
    private final ActuatorSettings settings = ActuatorSettings.defaults();

    @Test
    void findsTheSingleMigrationThatFreesANode() {
        // a 12-core VM needs room; n0 would need 2 evictions, n1 only one (its 8-core VM fits on n2)
        var view = ClusterFixture.nodes(3, 3, 16, 65_536)
                .vm("n0", "a1", "a", 4, 4096).vm("n0", "a2", "a", 4, 4096).vm("n0", "a3", "a", 4, 4096)
                .vm("n1", "b1", "b", 8, 4096)
                .vm("n2", "c1", "c", 8, 4096)
                .job(ClusterFixture.queued("vip", 1, 1, 12, 8192))
                .view(7);

        var proposals = policy.propose(Contexts.of(view, settings));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject() + " " + p.source() + "->" + p.target())
                .containsExactly("MIGRATE b1 n1->n2");
        assertThat(proposals.get(0).cause()).isEqualTo("vip");
        assertThat(proposals.get(0).reason()).contains("vip", "priority 1", "1 migration(s) free n1");
    }

    @Test
    void staysSilentWhenTheJobAlreadyFitsButHoldsItsRoom() {
        var view = ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", "a", "a", 4, 4096)
                .job(ClusterFixture.queued("vip", 1, 1, 16, 8192))
                .view(1);
        var ctx = Contexts.of(view, settings);

        assertThat(policy.propose(ctx)).isEmpty();
        assertThat(ctx.ledger().freeCores("n1")).as("held for vip").isZero();
    }

    @Test
    void ignoresLowPriorityJobs() {
        var view = ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", "a", "a", 12, 4096).vm("n1", "b", "b", 2, 4096)
                .job(ClusterFixture.queued("normal", 0, 1, 8, 8192))
                .view(1);

        assertThat(policy.propose(Contexts.of(view, settings))).isEmpty();
    }

    @Test
    void powersNodesOnWhenMigrationsCannotMakeEnoughRoom() {
        var view = ClusterFixture.nodes(3, 3, 16, 65_536)
                .vm("n0", "a", "a", 12, 4096).vm("n1", "b", "b", 12, 4096)
                .power("n2", PowerStatus.OFF)
                .job(ClusterFixture.queued("vip", 1, 2, 16, 8192))
                .view(1);

        var proposals = policy.propose(Contexts.of(view, settings));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("POWER_ON n2");
    }

    @Test
    void neverEvictsIntoRoomTheJobNeeds() {
        // vip needs two 8-core slots; n2 has one free already (held). Evicting b (8 cores) from n1 onto n2
        // would consume it: the plan must send b elsewhere (n0) or not at all.
        var view = ClusterFixture.nodes(3, 3, 16, 65_536)
                .vm("n0", "a", "a", 4, 4096)
                .vm("n1", "b", "b", 8, 4096).vm("n1", "b2", "b", 4, 4096)
                .vm("n2", "c", "c", 8, 4096)
                .job(ClusterFixture.queued("vip", 1, 3, 8, 8192))
                .view(1);
        var ctx = Contexts.of(view, settings);

        var proposals = policy.propose(ctx);

        assertThat(proposals).allSatisfy(p -> assertThat(p.target()).isNotEqualTo("n2"));
    }
}
