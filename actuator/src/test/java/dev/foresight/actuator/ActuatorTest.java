package dev.foresight.actuator;

import static dev.foresight.actuator.ClusterFixture.alarm;
import static dev.foresight.actuator.ClusterFixture.calm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.audit.AuditEntry;
import dev.foresight.actuator.audit.AuditEntry.Stage;
import dev.foresight.actuator.audit.AuditTrail;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.AlarmRule;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.actuator.settings.GuardrailSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.actuator.settings.RiskSettings;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.HealthStatus;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActuatorTest {

    private static final ActuatorSettings SETTINGS = ActuatorSettings.defaults()
            .withPolicies(EnumSet.of(PolicyKind.RELEASE, PolicyKind.PROACTIVE))
            .withRisk(new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.2, 3, 2, 3600));

    /** n0 hosts v; after the evacuation v sits on n1 and n0 is quarantined. */
    private static ClusterView before(long tick) {
        return ClusterFixture.nodes(3, 3, 16, 65_536).vm("n0", "v", "j", 4, 4096).view(tick);
    }

    private static ClusterView evacuated(long tick) {
        return ClusterFixture.nodes(3, 3, 16, 65_536).quarantined("n0", true).vm("n1", "v", "j", 4, 4096).view(tick);
    }

    private static List<String> commands(TickDecisions decisions) {
        return decisions.commands().stream().map(c -> c.command().kind() + " " + c.command().subject()).toList();
    }

    @Test
    void answersAnAlarmAndReleasesTheNodeAfterEnoughCalmTicks() {
        Actuator actuator = new Actuator(SETTINGS);

        var first = actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));
        assertThat(commands(first)).containsExactly("QUARANTINE n0", "MIGRATE v");
        assertThat(first.commands()).allSatisfy(c -> {
            assertThat(c.authority()).isEqualTo(Automation.AUTOMATIC);
            assertThat(c.decision().proposal().predictionRef()).isEqualTo("n0@1/v3");
        });
        assertThat(first.commands().get(0).decision().commandId()).isEqualTo("a00000001-0000");

        assertThat(commands(actuator.decide(TickInput.of(evacuated(2), List.of(calm("n0", 2, 0.05)))))).isEmpty();
        // a fresh prediction that is not calm restarts the count
        assertThat(commands(actuator.decide(TickInput.of(evacuated(3), List.of(calm("n0", 3, 0.15)))))).isEmpty();
        assertThat(commands(actuator.decide(TickInput.of(evacuated(4), List.of(calm("n0", 4, 0.05)))))).isEmpty();
        assertThat(commands(actuator.decide(TickInput.of(evacuated(5), List.of(calm("n0", 5, 0.05)))))).isEmpty();
        var release = actuator.decide(TickInput.of(evacuated(6), List.of(calm("n0", 6, 0.05))));

        assertThat(commands(release)).containsExactly("RELEASE n0");
        assertThat(release.commands().get(0).decision().proposal().reason()).contains("below 0.100 (0.20 x its model's threshold) for 3 consecutive ticks");
    }

    @Test
    void releasesARepairedNodeAtOnce() {
        Actuator actuator = new Actuator(SETTINGS);
        actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));
        var failed = ClusterFixture.nodes(3, 3, 16, 65_536).quarantined("n0", true).health("n0", HealthStatus.FAILED)
                .vm("n1", "v", "j", 4, 4096).view(2);

        assertThat(commands(actuator.decide(TickInput.of(failed, List.of())))).isEmpty();
        assertThat(commands(actuator.decide(TickInput.of(evacuated(3), List.of())))).containsExactly("RELEASE n0");
    }

    @Test
    void doesNotRepeatACommandWhoseEffectIsNotVisibleYet() {
        var lagged = SETTINGS.withActuationLagTicks(2);
        Actuator actuator = new Actuator(lagged);
        actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));

        // ticks 2 and 3: the commands are not applied yet (they take effect at tick 1 + 1 + 2)
        assertThat(commands(actuator.decide(TickInput.of(before(2), List.of(alarm("n0", 2, 0.9)))))).isEmpty();
        assertThat(commands(actuator.decide(TickInput.of(before(3), List.of(alarm("n0", 3, 0.9)))))).isEmpty();
    }

    @Test
    void recommendsWithoutIssuingAndWithoutRepeatingItself() {
        Actuator actuator = new Actuator(SETTINGS.withAutomation(Automation.RECOMMEND));

        var first = actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));
        var second = actuator.decide(TickInput.of(before(2), List.of(alarm("n0", 2, 0.9))));

        assertThat(first.commands()).isEmpty();
        assertThat(first.audit()).extracting(AuditEntry::stage).containsExactly(Stage.RECOMMENDED, Stage.RECOMMENDED);
        assertThat(first.audit().get(0).describe()).contains("RECOMMENDED PROACTIVE QUARANTINE n0", "[n0@1/v3]");
        assertThat(second.commands()).isEmpty();
        assertThat(second.audit()).isEmpty();
    }

    @Test
    void holdsCommandsUntilApprovedThenPublishesThemUnderTheOperatorsAuthority() {
        Actuator actuator = new Actuator(SETTINGS.withAutomation(Automation.APPROVE));

        var held = actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));
        assertThat(held.commands()).isEmpty();
        assertThat(held.audit()).extracting(AuditEntry::stage).containsOnly(Stage.AWAITING_APPROVAL);
        assertThat(AuditTrail.awaitingApproval(held.audit())).hasSize(2);
        String quarantineId = held.audit().get(0).commandId();
        String migrateId = held.audit().get(1).commandId();

        var again = actuator.decide(TickInput.of(before(2), List.of(alarm("n0", 2, 0.9))));
        assertThat(again.audit()).as("the same changes are already waiting").isEmpty();

        var answered = actuator.decide(new TickInput(before(3), List.of(alarm("n0", 3, 0.9)),
                List.of(Approval.approve(quarantineId, "alice", "ok"), Approval.deny(migrateId, "alice", "not now")), List.of()));

        assertThat(answered.commands()).singleElement().satisfies(c -> {
            assertThat(c.decision().commandId()).isEqualTo(quarantineId);
            assertThat(c.authority()).isEqualTo(Automation.APPROVE);
            assertThat(c.tick()).isEqualTo(3);
        });
        assertThat(answered.audit()).extracting(e -> e.stage() + " " + e.commandId())
                .contains("DENIED " + migrateId, "APPROVED " + quarantineId);
        assertThat(answered.audit()).filteredOn(e -> e.stage() == Stage.DENIED).singleElement()
                .extracting(AuditEntry::detail).isEqualTo("denied by alice: not now");
    }

    @Test
    void expiresUnansweredCommandsAndDropsStaleApprovals() {
        Actuator actuator = new Actuator(SETTINGS.withAutomation(Automation.APPROVE).withApprovalTimeoutTicks(2));
        var held = actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));
        String migrateId = held.audit().get(1).commandId();

        var expired = actuator.decide(TickInput.of(before(3), List.of()));
        assertThat(expired.audit()).extracting(AuditEntry::stage).containsOnly(Stage.EXPIRED);

        var late = actuator.decide(new TickInput(before(4), List.of(), List.of(Approval.approve(migrateId, "bob", null)), List.of()));
        assertThat(late.commands()).isEmpty();
        assertThat(late.audit()).singleElement().satisfies(e -> {
            assertThat(e.stage()).isEqualTo(Stage.DROPPED);
            assertThat(e.detail()).contains("no command with this id awaits approval");
        });
    }

    @Test
    void anApprovedMigrationThatNoLongerFitsIsDropped() {
        Actuator actuator = new Actuator(SETTINGS.withAutomation(Automation.APPROVE));
        var held = actuator.decide(TickInput.of(before(1), List.of(alarm("n0", 1, 0.9))));
        String migrateId = held.audit().get(1).commandId();
        String target = held.audit().get(1).target();
        var full = ClusterFixture.nodes(3, 3, 16, 65_536).vm("n0", "v", "j", 4, 4096)
                .vm("n1", "f1", "f1", 16, 4096).vm("n2", "f2", "f2", 16, 4096).view(2);

        var answered = actuator.decide(new TickInput(full, List.of(), List.of(Approval.approve(migrateId, "bob", null)), List.of()));

        assertThat(answered.commands()).isEmpty();
        assertThat(answered.audit()).filteredOn(e -> e.commandId().equals(migrateId)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("approved by bob, but target " + target + " no longer has room"));
    }

    @Test
    void guardrailRefusalsAndClusterOutcomesReachTheAuditTrail() {
        var strict = SETTINGS.withRisk(new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.2, 3, 2, 3600));
        Actuator actuator = new Actuator(strict);
        var outcome = new CommandOutcome("a00000000-0001", CommandKind.MIGRATE, "w", OutcomeStatus.REJECTED, "no capacity", 1);

        var decisions = actuator.decide(new TickInput(before(1), List.of(alarm("n0", 1, 0.9)), List.of(), List.of(outcome)));

        assertThat(decisions.audit().get(0)).satisfies(e -> {
            assertThat(e.stage()).isEqualTo(Stage.OUTCOME);
            assertThat(e.detail()).isEqualTo("REJECTED at tick 1: no capacity");
        });
    }

    @Test
    void decisionsArePureFunctionsOfTheInputs() {
        List<TickInput> inputs = List.of(
                TickInput.of(before(1), List.<NodeRisk>of(alarm("n0", 1, 0.9), calm("n1", 1, 0.01))),
                TickInput.of(evacuated(2), List.of(calm("n0", 2, 0.05), calm("n1", 2, 0.01))),
                TickInput.of(evacuated(3), List.of(calm("n0", 3, 0.05))));
        var all = ActuatorSettings.defaults();
        Actuator one = new Actuator(all);
        Actuator two = new Actuator(all);

        for (TickInput input : inputs) {
            assertThat(two.decide(input)).isEqualTo(one.decide(input));
        }
    }

    @Test
    void refusesToDecideATickTwice() {
        Actuator actuator = new Actuator(SETTINGS);
        actuator.decide(TickInput.of(before(5), List.of()));

        assertThatThrownBy(() -> actuator.decide(TickInput.of(before(5), List.of()))).hasMessageContaining("tick 5");
    }

    /** n0 idle and quarantined (or not), the job on n1. */
    private static ClusterView idle(long tick, boolean quarantined) {
        return ClusterFixture.nodes(3, 3, 16, 65_536).quarantined("n0", quarantined).vm("n1", "v", "j", 4, 4096).view(tick);
    }

    private static NodeRisk predicted(long tick, double p, boolean alarm) {
        return new NodeRisk("n0", tick, p, alarm, 3, 5 * 60_000L, 0.6); // H = 5 ticks, threshold 0.6
    }

    @Test
    void aQuarantineExpiresWhenTheHorizonOfItsPredictionPassesThenTheNodeCoolsDown() {
        Actuator actuator = new Actuator(SETTINGS.withGuardrails(new GuardrailSettings(2, 16, 30, 1.0, 4)));

        assertThat(commands(actuator.decide(TickInput.of(idle(10, false), List.of(predicted(10, 0.9, true))))))
                .containsExactly("QUARANTINE n0");
        for (long tick = 11; tick < 15; tick++) {
            assertThat(commands(actuator.decide(TickInput.of(idle(tick, true), List.of(predicted(tick, 0.9, true)))))).isEmpty();
        }
        var expiry = actuator.decide(TickInput.of(idle(15, true), List.of(predicted(15, 0.9, true))));
        assertThat(commands(expiry)).as("still alarmed, but 5 ticks have passed without a failure").containsExactly("RELEASE n0");
        assertThat(expiry.audit().get(0).reason()).contains("no failure within the horizon H = 300 s", "n0@10/v3", "expired at tick 15");
        for (long tick = 16; tick < 19; tick++) {
            assertThat(commands(actuator.decide(TickInput.of(idle(tick, false), List.of(predicted(tick, 0.9, true))))))
                    .as("tick %d: cooling down until tick 19", tick).isEmpty();
        }
        assertThat(commands(actuator.decide(TickInput.of(idle(19, false), List.of(predicted(19, 0.9, true))))))
                .containsExactly("QUARANTINE n0");
    }

    @Test
    void aQuarantineEndsEarlyBelowAFractionOfItsModelsOwnThreshold() {
        // the predictions carry threshold 0.6; fraction 0.2: calm below 0.12. p = 0.11 is calm here, and would
        // not be under the settings' fallback threshold (0.5 x 0.2 = 0.1)
        Actuator actuator = new Actuator(SETTINGS);
        actuator.decide(TickInput.of(idle(1, false), List.of(predicted(1, 0.9, true))));

        actuator.decide(TickInput.of(idle(2, true), List.of(predicted(2, 0.11, false))));
        actuator.decide(TickInput.of(idle(3, true), List.of(predicted(3, 0.11, false))));
        var release = actuator.decide(TickInput.of(idle(4, true), List.of(predicted(4, 0.11, false))));

        assertThat(commands(release)).containsExactly("RELEASE n0");
        assertThat(release.audit().get(0).reason()).contains("stayed below 0.120 (0.20 x its model's threshold) for 3");
        assertThat(release.audit().get(0).expectedGain()).isPositive();
        assertThat(release.audit().get(0).cost()).isPositive();
    }

    @Test
    void everyFaultToleranceCommandInTheAuditTrailCarriesItsGainAndCost() {
        Actuator actuator = new Actuator(SETTINGS);
        actuator.decide(TickInput.of(before(1), List.of()));

        var decisions = actuator.decide(TickInput.of(before(2), List.of(alarm("n0", 2, 0.9))));

        assertThat(decisions.audit()).extracting(e -> e.kind() + " " + e.subject()).containsExactly("QUARANTINE n0", "MIGRATE v");
        assertThat(decisions.audit()).allSatisfy(e -> {
            assertThat(e.expectedGain()).isNotNull();
            assertThat(e.cost()).isNotNull();
            assertThat(e.expectedGain()).isGreaterThan(e.cost());
        });
    }
}
