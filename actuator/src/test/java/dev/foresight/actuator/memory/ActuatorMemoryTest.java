package dev.foresight.actuator.memory;

import static dev.foresight.actuator.ClusterFixture.alarm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.Actuator;
import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.TickInput;
import dev.foresight.actuator.json.Json;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.actuator.settings.GuardrailSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.HealthStatus;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActuatorMemoryTest {

    private static ClusterView view(long tick) {
        return ClusterFixture.nodes(4, 2, 16, 65_536).vm("n0", "v", "j", 4, 4096).vm("n2", "w", "k", 2, 2048).view(tick);
    }

    @Test
    void aRestoredMemoryDecidesExactlyLikeTheOriginal() {
        var settings = ActuatorSettings.defaults().withAutomation(Automation.APPROVE);
        Actuator original = new Actuator(settings);
        original.decide(TickInput.of(view(1), List.of(alarm("n0", 1, 0.9))));

        byte[] saved = Json.encode(original.memory().snapshot());
        Actuator restored = new Actuator(settings, ActuatorMemory.restore(Json.decode(saved, ActuatorMemory.Snapshot.class)));

        assertThat(restored.memory().snapshot()).isEqualTo(original.memory().snapshot());
        var next = TickInput.of(view(2), List.of(alarm("n0", 2, 0.9)));
        assertThat(restored.decide(next)).isEqualTo(original.decide(next));
        assertThat(Json.encode(restored.memory().snapshot())).isEqualTo(Json.encode(original.memory().snapshot()));
    }

    @Test
    void measuresMtbfAndRecallFromObservedFailures() {
        var settings = ActuatorSettings.defaults();
        ActuatorMemory memory = ActuatorMemory.empty();
        Actuator actuator = new Actuator(settings, memory);
        var prior = memory.reliability(settings);
        assertThat(prior.recall()).isZero();
        assertThat(prior.nodeMtbfSeconds()).isEqualTo(1400 * 3600.0);

        actuator.decide(TickInput.of(view(1), List.of(alarm("n0", 1, 0.9))));
        var failed = ClusterFixture.nodes(4, 2, 16, 65_536).health("n0", HealthStatus.FAILED).view(2);
        actuator.decide(TickInput.of(failed, List.of()));

        var estimate = memory.reliability(settings);
        assertThat(estimate.failuresObserved()).isEqualTo(1);
        // prior recall 0 worth 4 failures, plus one predicted failure: 1 / 5
        assertThat(estimate.recall()).isEqualTo(0.2);
        // prior 1400 h worth one failure, plus 2 ticks of 4 (then 3) nodes up, over 2 failures
        assertThat(estimate.nodeMtbfSeconds()).isEqualTo((1400 * 3600.0 + 4 * 60 + 3 * 60) / 2);
    }

    @Test
    void theQuarantinesPredictionAndTheCoolDownSurviveARestore() {
        var settings = ActuatorSettings.defaults().withPolicies(EnumSet.of(PolicyKind.RELEASE, PolicyKind.PROACTIVE))
                .withGuardrails(new GuardrailSettings(2, 16, 30, 1.0, 3));
        Actuator original = new Actuator(settings);
        NodeRisk acted = new NodeRisk("n1", 1, 0.9, true, 4, 2 * 60_000L, 0.7);
        original.decide(TickInput.of(idle(1, false), List.of(acted)));

        ActuatorMemory.Snapshot saved = roundTrip(original.memory().snapshot());
        assertThat(saved.episodes()).singleElement().satisfies(e -> assertThat(e.basis()).isEqualTo(acted));

        Actuator restored = new Actuator(settings, ActuatorMemory.restore(saved));
        var expiry = TickInput.of(idle(3, true), List.of(new NodeRisk("n1", 3, 0.9, true, 4, 2 * 60_000L, 0.7)));
        var released = restored.decide(expiry);
        assertThat(released.commands()).extracting(c -> c.command().kind() + " " + c.command().subject())
                .containsExactly("RELEASE n1");
        assertThat(released).isEqualTo(original.decide(expiry));

        ActuatorMemory.Snapshot cooling = roundTrip(restored.memory().snapshot());
        assertThat(cooling.quarantineCoolDowns()).containsEntry("n1", 6L);
        Actuator again = new Actuator(settings, ActuatorMemory.restore(cooling));
        var alarmAgain = TickInput.of(idle(4, false), List.of(new NodeRisk("n1", 4, 0.95, true, 4, 2 * 60_000L, 0.7)));
        assertThat(again.decide(alarmAgain).commands()).as("cooling down until tick 6").isEmpty();
    }

    private static ActuatorMemory.Snapshot roundTrip(ActuatorMemory.Snapshot snapshot) {
        return Json.decode(Json.encode(snapshot), ActuatorMemory.Snapshot.class);
    }

    /** n1 idle (quarantined or not), the jobs elsewhere. */
    private static ClusterView idle(long tick, boolean quarantined) {
        return ClusterFixture.nodes(4, 2, 16, 65_536).quarantined("n1", quarantined)
                .vm("n0", "v", "j", 4, 4096).vm("n2", "w", "k", 2, 2048).view(tick);
    }
}
