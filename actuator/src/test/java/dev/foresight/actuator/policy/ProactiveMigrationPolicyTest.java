package dev.foresight.actuator.policy;

import static dev.foresight.actuator.ClusterFixture.alarm;
import static dev.foresight.actuator.ClusterFixture.calm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.ProactiveSettings;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.VmView;
import org.junit.jupiter.api.Test;

class ProactiveMigrationPolicyTest {

    private final ActuatorSettings settings = ActuatorSettings.defaults();
    private final ProactiveMigrationPolicy policy = new ProactiveMigrationPolicy();

    /** n0, n1 in rack r0; n2, n3 in rack r1; 16 cores and 64 GB each. */
    private static ClusterFixture cluster() {
        return ClusterFixture.nodes(4, 2, 16, 65_536);
    }

    @Test
    void quarantinesTheAlarmedNodeAndMovesItsVmsToTheRackOfTheirJob() {
        var view = cluster()
                .vm("n0", "j1-0", "j1", 4, 8192)
                .vm("n2", "j1-1", "j1", 4, 8192)
                .view(10);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 10, 0.9)));

        assertThat(proposals).extracting(Proposal::kind).containsExactly(CommandKind.QUARANTINE, CommandKind.MIGRATE);
        assertThat(proposals.get(0).subject()).isEqualTo("n0");
        Proposal move = proposals.get(1);
        assertThat(move.subject()).isEqualTo("j1-0");
        assertThat(move.source()).isEqualTo("n0");
        assertThat(move.target()).as("rack r1 holds the job's other VM; n3 is the emptier node there").isIn("n2", "n3");
        assertThat(move.target()).isEqualTo("n2"); // tightest fit in the job's rack
        assertThat(proposals).allSatisfy(p -> assertThat(p.predictionRef()).isEqualTo("n0@10/v3"));
        assertThat(move.reason()).contains("n0", "p=0.900");
    }

    @Test
    void avoidsTargetsAboveTheRiskBound() {
        var view = cluster().vm("n0", "v", "j", 4, 8192).view(3);

        var proposals = policy.propose(Contexts.of(view, settings,
                alarm("n0", 3, 0.95), calm("n1", 3, 0.5), calm("n2", 3, 0.3), calm("n3", 3, 0.05)));

        assertThat(proposals).filteredOn(p -> p.kind() == CommandKind.MIGRATE)
                .singleElement().extracting(Proposal::target).isEqualTo("n3");
    }

    @Test
    void checkpointsPassthroughJobsInsteadOfMovingThem() {
        var view = cluster().vm("n0", ClusterFixture.passthrough("p0", "pj", 8, 16_384)).view(5);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8)));

        assertThat(proposals).extracting(Proposal::kind).containsExactly(CommandKind.QUARANTINE, CommandKind.CHECKPOINT);
        assertThat(proposals.get(1).subject()).isEqualTo("pj");
        assertThat(proposals.get(1).reason()).contains("passthrough");
    }

    @Test
    void checkpointsWhenNoNodeHasRoom() {
        var view = ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", "big", "j", 12, 8192)
                .vm("n1", "other", "k", 8, 8192)
                .view(5);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8)));

        assertThat(proposals).extracting(Proposal::kind).containsExactly(CommandKind.QUARANTINE, CommandKind.CHECKPOINT);
        assertThat(proposals.get(1).reason()).contains("no healthy low-risk node has room");
    }

    @Test
    void checkpointsJobsWhoseMigrationWouldOutlastTheLeadTime() {
        // at 1250 MB/s: 10 GB take 8 s, then 50 GB another 40 s; the alarm is assumed to leave 30 s
        var tight = settings.withProactive(new ProactiveSettings(30, 1250));
        var view = cluster().vm("n0", "small", "a", 2, 10_000).vm("n0", "huge", "b", 2, 50_000).view(5);

        var proposals = policy.propose(Contexts.of(view, tight, alarm("n0", 5, 0.8)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject())
                .containsExactly("QUARANTINE n0", "MIGRATE small", "CHECKPOINT b");
    }

    @Test
    void movesHigherPriorityJobsFirstWhenTheLinkIsShared() {
        var tight = settings.withProactive(new ProactiveSettings(10, 1000));
        var view = cluster()
                .vm("n0", new VmView("low", "lj", 2, 8000, false, 0, false, false, 0))
                .vm("n0", new VmView("high", "hj", 2, 8000, false, 1, false, false, 0))
                .view(5);

        var proposals = policy.propose(Contexts.of(view, tight, alarm("n0", 5, 0.8)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject())
                .containsExactly("QUARANTINE n0", "MIGRATE high", "CHECKPOINT lj");
    }

    @Test
    void movesAllVmsOfAJobOrNone() {
        // two VMs of one job on the failing node, room for only one of them elsewhere
        var view = ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", "a0", "a", 8, 8192).vm("n0", "a1", "a", 8, 8192)
                .vm("n1", "x", "x", 8, 8192)
                .view(5);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("QUARANTINE n0", "CHECKPOINT a");
    }

    @Test
    void doesNotQuarantineTwiceNorActOnCalmNodes() {
        var view = cluster().quarantined("n0", true).vm("n0", "v", "j", 4, 8192).vm("n1", "w", "k", 4, 8192).view(5);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8), calm("n1", 5, 0.1)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("MIGRATE v");
    }

    @Test
    void twoAlarmedNodesNeverShareTheSameRoom() {
        var view = ClusterFixture.nodes(3, 3, 16, 65_536)
                .vm("n0", "a", "a", 10, 8192)
                .vm("n1", "b", "b", 10, 8192)
                .view(5);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8), alarm("n1", 5, 0.8)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject())
                .containsExactly("QUARANTINE n0", "MIGRATE a", "QUARANTINE n1", "CHECKPOINT b");
        assertThat(proposals.get(1).target()).isEqualTo("n2");
    }

    @Test
    void ignoresAlarmsOfNodesAlreadyDown() {
        var view = cluster().health("n0", HealthStatus.FAILED).vm("n0", "v", "j", 4, 8192).view(5);

        assertThat(policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8)))).isEmpty();
    }

    @Test
    void aPredictionWithoutModelNeverAlarms() {
        var view = cluster().vm("n0", "v", "j", 4, 8192).view(5);
        var noModel = new NodeRisk("n0", 5, 0.99, true, -1);

        assertThat(policy.propose(Contexts.of(view, settings, noModel))).isEmpty();
    }
}
