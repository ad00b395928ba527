package dev.foresight.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Every policy together, against the real cluster model: whatever the predictor says, no command the
 * actuator publishes is refused by the cluster for want of capacity, nor for any other reason the
 * actuator can see in its view. (A job restoring its last checkpoint after a failure refuses a new
 * checkpoint; the view does not show that state, so that one refusal is allowed.)
 */
class PoliciesRespectClusterCapacityProperties {

    private static Scenario scenario(double load) {
        return ScenarioLoader.parse(String.format(Locale.ROOT, """
                name: property
                tickSeconds: 60
                durationHours: 4
                nodes: 8
                racks: 2
                node: {cores: 16, memoryMb: 65536}
                jobs:
                  offeredLoad: %.2f
                  highPriorityShare: 0.3
                  passthroughShare: 0.3
                  vmsPerMpiJob: {min: 2, max: 4}
                  coresPerVm: [2, 4, 8]
                  memoryPerCoreMb: {min: 1024, max: 2048}
                """, load), "property");
    }

    @Property(tries = 40)
    void noCommandIsRejectedForCapacity(
            @ForAll long seed,
            @ForAll @DoubleRange(min = 0.1, max = 1.2) double load,
            @ForAll @IntRange(min = 0, max = 30) int warmUpTicks,
            @ForAll @DoubleRange(min = 0.0, max = 0.5) double alarmShare) {
        ClusterSimulation sim = ClusterSimulation.create(scenario(load), seed);
        for (int i = 0; i < warmUpTicks; i++) {
            sim.advance();
        }
        Actuator actuator = new Actuator(ActuatorSettings.defaults());
        Random random = new Random(seed);
        List<String> refusals = new ArrayList<>();
        for (int step = 0; step < 8; step++) {
            ClusterView view = sim.view();
            TickDecisions decisions = actuator.decide(TickInput.of(view, randomRisks(view, random, alarmShare)));
            for (IssuedCommand issued : decisions.commands()) {
                CommandOutcome outcome = sim.apply(issued.command());
                if (outcome.status() == OutcomeStatus.REJECTED && !outcome.reason().contains("still restoring")) {
                    refusals.add(issued.command().kind() + " " + issued.command().subject() + " -> "
                            + issued.command().target() + ": " + outcome.reason());
                }
            }
            assertThat(sim.invariantViolations()).isEmpty();
            sim.advance();
        }
        assertThat(refusals).isEmpty();
    }

    private static List<NodeRisk> randomRisks(ClusterView view, Random random, double alarmShare) {
        List<NodeRisk> risks = new ArrayList<>();
        for (NodeView node : view.nodes()) {
            boolean alarm = random.nextDouble() < alarmShare;
            double probability = alarm ? 0.5 + random.nextDouble() / 2 : random.nextDouble() * 0.4;
            risks.add(new NodeRisk(node.nodeId(), view.tick(), probability, alarm, 1));
        }
        return risks;
    }
}
