package dev.foresight.experiments;

import dev.foresight.actuator.app.ActuatorAppConfig;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.loop.ControlPlane;
import dev.foresight.experiments.loop.LearnedControlPlane;
import dev.foresight.experiments.loop.DirectPredictionsControlPlane;
import dev.foresight.experiments.loop.DirectPredictionsControlPlane.PredictionSource;
import dev.foresight.experiments.loop.IdealPredictor;
import dev.foresight.experiments.loop.OraclePredictor;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.streams.LockstepTuning;
import dev.foresight.streams.StreamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The control plane each policy runs with on Kafka, configured from the scenario and the options. */
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
        String id = topics.settings().prefix().replaceAll("[^A-Za-z0-9._-]", "") ;
        ActuatorAppConfig actuator = ActuatorAppConfig.defaults(kafka)
                .withTopics(topics.settings())
                .withApplicationId(id + "actuator")
                .withSettings(actuatorSettings(policy, consolidation, scenario));
        return switch (policy) {
            case ORACLE, IDEAL -> new DirectPredictionsControlPlane(groundTruth(policy, simulation, options.horizonTicks()),
                    actuator, topics, kafka, id + policy.label());
            case PROACTIVE -> new LearnedControlPlane(streamsSettings(scenario, topics, id, options), streamsClient(kafka), actuator);
            // baselines without prediction, with the actuator only for power management
            case NO_PROTECTION, PERIODIC -> new DirectPredictionsControlPlane(DirectPredictionsControlPlane.PredictionSource.none(),
                    actuator, topics, kafka, id + "nopredictor");
        };
    }

    /** The predictions a policy takes from the simulation itself: the oracle's, the ideal predictor's, or none. */
    static PredictionSource groundTruth(Policy policy, ClusterSimulation simulation, long horizonTicks) {
        return switch (policy) {
            case ORACLE -> new OraclePredictor(simulation, horizonTicks)::predict;
            case IDEAL -> new IdealPredictor(simulation, horizonTicks)::predict;
            default -> PredictionSource.none();
        };
    }

    /** Prediction-driven policies only where the policy predicts; power policies only with consolidation. */
    static ActuatorSettings actuatorSettings(Policy policy, boolean consolidation, Scenario scenario) {
        Set<PolicyKind> kinds = EnumSet.noneOf(PolicyKind.class);
        if (policy.usesActuator()) {
            kinds.addAll(EnumSet.of(PolicyKind.RELEASE, PolicyKind.PROACTIVE, PolicyKind.MAKING_ROOM));
        }
        if (consolidation) {
            kinds.addAll(EnumSet.of(PolicyKind.CONSOLIDATION, PolicyKind.POWER_ON));
        }
        return ActuatorSettings.defaults().withPolicies(kinds).withTickSeconds(scenario.tickSeconds())
                .withActuationLagTicks(scenario.actuationLagTicks());
    }

    static StreamsSettings streamsSettings(Scenario scenario, TopicCatalogue topics, String id, ExperimentOptions options) {
        try {
            return StreamsSettings.defaults().toBuilder()
                    .applicationId(id + "streams")
                    .topics(topics.settings())
                    .tickLength(Duration.ofSeconds(scenario.tickSeconds()))
                    .horizon(Duration.ofSeconds(scenario.tickSeconds() * options.horizonTicks()))
                    .stateDir(Files.createTempDirectory("foresight-streams-"))
                    // nothing in the loop reads the features tap; it would be most of the bytes written
                    .publishFeatures(false)
                    .initialModel(options.initialModel())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for Kafka Streams", e);
        }
    }

    static Map<String, Object> streamsClient(Map<String, Object> kafka) {
        return LockstepTuning.streamsClient(kafka);
    }
}
