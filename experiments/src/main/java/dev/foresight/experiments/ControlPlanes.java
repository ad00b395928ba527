package dev.foresight.experiments;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.loop.ControlPlane;
import dev.foresight.schemas.topics.TopicCatalogue;
import java.util.Map;

/** The control plane each policy runs with on Kafka. */
final class ControlPlanes implements KafkaPolicyRun.ControlPlaneFactory {

    private final ExperimentOptions options;

    ControlPlanes(ExperimentOptions options) {
        this.options = options;
    }

    @Override
    public ControlPlane create(Policy policy, boolean consolidation, ClusterSimulation simulation, Scenario scenario,
                               TopicCatalogue topics, Map<String, Object> kafka) {
        if (!policy.usesActuator() && !consolidation) {
            return ControlPlane.none();
        }
        throw new UnsupportedOperationException("policy " + policy.label() + " needs the actuator, which this build does not have yet");
    }
}
