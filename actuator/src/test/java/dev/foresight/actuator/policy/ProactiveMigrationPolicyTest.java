package dev.foresight.actuator.policy;

import static dev.foresight.actuator.ClusterFixture.alarm;
import static dev.foresight.actuator.ClusterFixture.calm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
        var tight = settings.withProactive(new ProactiveSettings(30, 1250, 0.35));
        var view = cluster().vm("n0", "small", "a", 2, 10_000).vm("n0", "huge", "b", 2, 50_000).view(5);

        var proposals = policy.propose(Contexts.of(view, tight, alarm("n0", 5, 0.8)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject())
                .containsExactly("QUARANTINE n0", "MIGRATE small", "CHECKPOINT b");
    }

    @Test
    void movesHigherPriorityJobsFirstWhenTheLinkIsShared() {
        var tight = settings.withProactive(new ProactiveSettings(10, 1000, 0.35));
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

    @Test
    void aWeakPredictionMovesAJobWithWorkAtRiskButDoesNotQuarantineTheNode() {
        // p = 0.5 < 2/3: the node's capacity is worth more than the new work a quarantine would keep off it
        var view = cluster().vm("n0", "v", "j", 4, 8192)
                .job(ClusterFixture.running("j", java.util.List.of("v"), 0, 30))
                .view(60);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 60, 0.5)));

        assertThat(proposals).extracting(p -> p.kind() + " " + p.subject()).containsExactly("MIGRATE v");
        // W = 4 cores x 60 ticks x 60 s = 14,400 core-s; cost = 1 VM x 0.35 s x 4 cores
        assertThat(proposals.get(0).economics().expectedGain()).isCloseTo(7_200, within(1e-9));
        assertThat(proposals.get(0).economics().cost()).isCloseTo(1.4, within(1e-9));
    }

    @Test
    void anIdleNodeIsQuarantinedOnlyOnAConfidentPredictionWhichTheQuarantineRecords() {
        var view = cluster().vm("n1", "v", "j", 8, 8192).view(5);
        var confident = new NodeRisk("n0", 5, 0.9, true, 3, 1_800_000, 0.4);

        assertThat(policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.6)))).isEmpty();
        var proposals = policy.propose(Contexts.of(view, settings, confident));

        assertThat(proposals).singleElement().satisfies(q -> {
            assertThat(q.kind()).isEqualTo(CommandKind.QUARANTINE);
            assertThat(q.basis()).isEqualTo(confident);
            // u = 8 / 64 used cores, K = 16, H = 1800 s: capacity 3,600 core-s
            assertThat(q.economics().expectedGain()).isCloseTo(0.9 * 3_600 / 2, within(1e-9));
            assertThat(q.economics().cost()).isCloseTo(0.1 * 3_600, within(1e-9));
            assertThat(q.reason()).contains("H = 1800 s", "expected gain 1620 > cost 360 core-s");
        });
    }

    @Test
    void aJobWithNothingAtRiskIsNeitherMovedNorCheckpointed() {
        var view = cluster().vm("n0", "v", "j", 4, 8192).vm("n0", ClusterFixture.passthrough("p", "pj", 4, 8192))
                .job(ClusterFixture.running("j", java.util.List.of("v"), 5, 30))
                .job(ClusterFixture.running("pj", java.util.List.of("p"), 5, 30))
                .view(5);

        assertThat(policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.9))))
                .extracting(p -> p.kind() + " " + p.subject()).containsExactly("QUARANTINE n0");
    }

    @Test
    void aCheckpointDearerThanTheWorkItSavesIsNotTaken() {
        // passthrough job, one tick at risk: W = 4 x 60 = 240 core-s, p W = 96 < C x cores = 30 s x 4
        var view = cluster().vm("n0", ClusterFixture.passthrough("p", "pj", 4, 8192))
                .job(ClusterFixture.running("pj", java.util.List.of("p"), 4, 30))
                .view(5);

        assertThat(policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.4)))).isEmpty();
        assertThat(policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.6))))
                .as("p W = 144 > 120").extracting(p -> p.kind() + " " + p.subject()).containsExactly("CHECKPOINT pj");
    }

    @Test
    void aMigratedJobsEconomicsIsSharedAmongItsVms() {
        var view = cluster().vm("n0", "a0", "a", 2, 4096).vm("n0", "a1", "a", 2, 4096)
                .job(ClusterFixture.running("a", java.util.List.of("a0", "a1"), 0, 30))
                .view(10);

        var moves = policy.propose(Contexts.of(view, settings, alarm("n0", 10, 0.5)));

        assertThat(moves).extracting(Proposal::kind).containsOnly(CommandKind.MIGRATE).hasSize(2);
        // W = 4 cores x 600 s; cost = 2 VMs x 0.35 s x 4 cores; each move carries half
        assertThat(moves).allSatisfy(m -> {
            assertThat(m.economics().expectedGain()).isCloseTo(0.5 * 2_400 / 2, within(1e-9));
            assertThat(m.economics().cost()).isCloseTo(2.8 / 2, within(1e-9));
        });
    }

    @Test
    void doesNotQuarantineANodeCoolingDownAfterItsLastQuarantine() {
        var view = cluster().view(20);
        var cooling = new OperationsViewStub().coolingDown("n0", 21);

        assertThat(policy.propose(Contexts.of(view, settings, cooling, alarm("n0", 20, 0.95)))).isEmpty();
        assertThat(policy.propose(Contexts.of(cluster().vm("n1", "v", "j", 4, 4096).view(21), settings, cooling,
                alarm("n0", 21, 0.95)))).extracting(p -> p.kind() + " " + p.subject()).containsExactly("QUARANTINE n0");
    }

    @Test
    void answersTheLikeliestFailureFirst() {
        var view = cluster().vm("n2", "v", "j", 4, 4096).view(5);

        var proposals = policy.propose(Contexts.of(view, settings, alarm("n0", 5, 0.8), alarm("n1", 5, 0.95)));

        assertThat(proposals).extracting(Proposal::subject).containsExactly("n1", "n0");
    }
}
