package dev.foresight.actuator.policy;

import static dev.foresight.actuator.ClusterFixture.alarm;
import static dev.foresight.actuator.ClusterFixture.calm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.GuardrailSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.actuator.settings.RiskSettings;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardrailsTest {

    private final Guardrails guardrails = new Guardrails(new GuardrailSettings(2, 3, 10, 1.0, 0));

    /** n0..n3, each with two 2-core VMs of its own job. */
    private static ClusterFixture cluster() {
        ClusterFixture fixture = ClusterFixture.nodes(4, 4, 16, 65_536);
        for (int n = 0; n < 4; n++) {
            fixture.vm("n" + n, "v" + n + "a", "j" + n, 2, 2048).vm("n" + n, "v" + n + "b", "j" + n, 2, 2048);
        }
        return fixture;
    }

    private static Decision migrate(int seq, String vm, String source, String target) {
        return new Decision(Decision.idFor(20, seq), 20, Proposal.migrate(PolicyKind.CONSOLIDATION, vm, source, target, "test", null, null));
    }

    private Guardrails.Verdict judge(ClusterView view, OperationsView ops, List<Decision> decisions, NodeRisk... risks) {
        RiskView risk = RiskView.of(view.tick(), RiskSettings.defaults(), List.of(risks));
        return guardrails.filter(decisions, ViewIndex.of(view), risk, ops);
    }

    private static List<String> reasons(Guardrails.Verdict verdict) {
        List<String> reasons = new ArrayList<>();
        verdict.dropped().forEach(d -> reasons.add(d.decision().proposal().subject() + ": " + d.reason()));
        return reasons;
    }

    @Test
    void refusesTargetsThatAreAlarmedOrAboveTheRiskBound() {
        var verdict = judge(cluster().view(20), OperationsView.NONE,
                List.of(migrate(0, "v0a", "n0", "n1"), migrate(1, "v0b", "n0", "n2"), migrate(2, "v3a", "n3", "n0")),
                alarm("n1", 20, 0.9), calm("n2", 20, 0.35));

        assertThat(reasons(verdict)).containsExactly(
                "v0a: target n1 is alarmed",
                "v0b: target n2 failure probability 0.350 is above the risk bound 0.200");
        assertThat(verdict.accepted()).extracting(d -> d.proposal().subject()).containsExactly("v3a");
    }

    @Test
    void refusesTargetsThatAcceptNoVms() {
        var view = cluster().quarantined("n1", true).power("n2", PowerStatus.BOOTING).view(20);
        var ops = new OperationsViewStub().withPending(CommandKind.POWER_OFF, "n3");

        var verdict = judge(view, ops, List.of(migrate(0, "v0a", "n0", "n1"), migrate(1, "v0b", "n0", "n2"),
                migrate(2, "v1a", "n1", "n3")));

        assertThat(reasons(verdict)).containsExactly(
                "v0a: target n1 accepts no VMs: quarantined",
                "v0b: target n2 accepts no VMs: BOOTING",
                "v1a: target n3 accepts no VMs: being powered off");
    }

    @Test
    void limitsConcurrentMigrationsPerNodeAndPerCluster() {
        var verdict = judge(cluster().view(20), OperationsView.NONE, List.of(
                migrate(0, "v0a", "n0", "n1"),
                migrate(1, "v0b", "n0", "n1"),
                migrate(2, "v2a", "n2", "n1"),
                migrate(3, "v2b", "n2", "n3"),
                migrate(4, "v3a", "n3", "n2")));

        assertThat(reasons(verdict)).containsExactly(
                "v2a: node n1 already has 2 migration(s) in flight (limit 2)",
                "v3a: the cluster already has 3 migration(s) in flight (limit 3)");
    }

    @Test
    void countsMigrationsAlreadyRunning() {
        var running = cluster().vm("n0", new VmView("m", "jm", 1, 1024, false, 0, true, false, 0)).view(20);
        var ours = new OperationsViewStub().migrating("v1a", "n1", "n0", 19);

        var verdict = judge(running, ours, List.of(migrate(0, "v0a", "n0", "n2"), migrate(1, "v1a", "n1", "n3")));

        assertThat(reasons(verdict)).containsExactly(
                "v0a: node n0 already has 2 migration(s) in flight (limit 2)",
                "v1a: VM v1a is already migrating");
    }

    @Test
    void enforcesTheMinimumIntervalBetweenMigrationsOfAVm() {
        var ops = new OperationsViewStub().migrated("v0a", 15).migrated("v0b", 5);

        var verdict = judge(cluster().view(20), ops, List.of(migrate(0, "v0a", "n0", "n1"), migrate(1, "v0b", "n0", "n1")));

        assertThat(reasons(verdict)).containsExactly("v0a: VM v0a migrated at tick 15, less than 10 ticks ago");
    }

    @Test
    void neverMovesAVmDuringItsJobsCheckpoint() {
        var view = cluster().vm("n0", new VmView("cp", "j1", 2, 2048, false, 0, false, true, 0)).view(20);
        var checkpointNow = new Decision(Decision.idFor(20, 0), 20,
                Proposal.checkpoint(PolicyKind.CHECKPOINT, "j2", "due", null, null));

        var verdict = judge(view, new OperationsViewStub().withPending(CommandKind.CHECKPOINT, "j3"), List.of(
                checkpointNow,
                migrate(1, "v1a", "n1", "n0"),
                migrate(2, "v2a", "n2", "n0"),
                migrate(3, "v3a", "n3", "n1")));

        assertThat(reasons(verdict)).containsExactly(
                "v1a: job j1 is checkpointing; its VMs must not move during the checkpoint",
                "v2a: job j2 is checkpointing; its VMs must not move during the checkpoint",
                "v3a: job j3 is checkpointing; its VMs must not move during the checkpoint");
    }

    @Test
    void noCheckpointWhileAVmOfTheJobMigrates() {
        var verdict = judge(cluster().view(20), OperationsView.NONE, List.of(
                migrate(0, "v1a", "n1", "n0"),
                new Decision(Decision.idFor(20, 1), 20, Proposal.checkpoint(PolicyKind.CHECKPOINT, "j1", "due", null, null))));

        assertThat(reasons(verdict)).containsExactly("j1: job j1 has a VM migrating; checkpoint once it has landed");
    }

    @Test
    void refusesDuplicatesAndPowerOffOfBusyNodes() {
        var view = cluster().vm("n3", "x", "x", 1, 1).view(20);
        var powerOff = new Decision(Decision.idFor(20, 0), 20, Proposal.powerOff(PolicyKind.CONSOLIDATION, "n3", false, "idle"));
        var quarantine = new Decision(Decision.idFor(20, 1), 20,
                Proposal.onNode(PolicyKind.PROACTIVE, CommandKind.QUARANTINE, "n2", "alarm", null));
        var again = new Decision(Decision.idFor(20, 2), 20,
                Proposal.onNode(PolicyKind.PROACTIVE, CommandKind.QUARANTINE, "n2", "alarm", null));

        var verdict = judge(view, OperationsView.NONE, List.of(powerOff, quarantine, again));

        assertThat(reasons(verdict)).containsExactly("n3: node n3 hosts 3 VM(s)", "n2: duplicate of a00000020-0001 this tick");
    }

    private static Decision quarantine(int seq, String nodeId) {
        return new Decision(Decision.idFor(20, seq), 20, Proposal.onNode(PolicyKind.PROACTIVE, CommandKind.QUARANTINE, nodeId,
                "test", null).withEconomics(new Economics(10, 1)));
    }

    @Test
    void capsTheShareOfNodesQuarantinedAtOnceCountingThoseOnTheirWay() {
        // 8 nodes, share 0.25: two at most; n0 is quarantined in the view, n1 by a command not visible yet
        var capped = new Guardrails(new GuardrailSettings(2, 3, 10, 0.25, 0));
        var view = ClusterFixture.nodes(8, 4, 16, 65_536).quarantined("n0", true).view(20);
        var ops = new OperationsViewStub().withPending(CommandKind.QUARANTINE, "n1");

        var verdict = capped.filter(List.of(quarantine(0, "n2")), ViewIndex.of(view), RiskView.empty(20, RiskSettings.defaults()), ops);
        var roomForOne = capped.filter(List.of(quarantine(0, "n2"), quarantine(1, "n3")), ViewIndex.of(view),
                RiskView.empty(20, RiskSettings.defaults()), OperationsView.NONE);

        assertThat(reasons(verdict)).containsExactly("n2: 2 of 8 nodes are quarantined already (limit 2, share 0.25)");
        assertThat(roomForOne.accepted()).extracting(d -> d.proposal().subject()).containsExactly("n2");
        assertThat(reasons(roomForOne)).containsExactly("n3: 2 of 8 nodes are quarantined already (limit 2, share 0.25)");
    }

    @Test
    void refusesToQuarantineANodeCoolingDown() {
        var ops = new OperationsViewStub().coolingDown("n0", 25);

        var verdict = judge(cluster().view(20), ops, List.of(quarantine(0, "n0")));

        assertThat(reasons(verdict)).containsExactly("n0: node n0 cools down after its last quarantine until tick 25");
    }

    @Test
    void refusesAFaultToleranceActionThatDoesNotPayButNotARelease() {
        var dear = new Decision(Decision.idFor(20, 0), 20, Proposal.checkpoint(PolicyKind.PROACTIVE, "j0", "test", null, "n0")
                .withEconomics(new Economics(100, 120)));
        var release = new Decision(Decision.idFor(20, 1), 20, Proposal.onNode(PolicyKind.RELEASE, CommandKind.RELEASE, "n1",
                "expired", null).withEconomics(new Economics(5, 50)));

        var verdict = judge(cluster().view(20), OperationsView.NONE, List.of(dear, release));

        assertThat(reasons(verdict)).containsExactly("j0: it does not pay: expected gain 100 <= cost 120 core-s");
        assertThat(verdict.accepted()).extracting(d -> d.proposal().kind()).containsExactly(CommandKind.RELEASE);
    }
}
