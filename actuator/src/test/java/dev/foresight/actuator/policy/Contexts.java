package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.view.ClusterView;
import java.util.List;

/** Planning contexts for one policy on a hand-built view, with no memory. */
final class Contexts {

    static final ReliabilityEstimate PRIOR = new ReliabilityEstimate(1400 * 3600.0, 0.0, 0);

    private Contexts() {}

    static PlanningContext of(ClusterView view, ActuatorSettings settings, NodeRisk... risks) {
        return of(view, settings, OperationsView.NONE, risks);
    }

    static PlanningContext of(ClusterView view, ActuatorSettings settings, OperationsView operations, NodeRisk... risks) {
        return PlanningContext.of(view, RiskView.of(view.tick(), settings.risk(), List.of(risks)), settings, operations, PRIOR);
    }
}
