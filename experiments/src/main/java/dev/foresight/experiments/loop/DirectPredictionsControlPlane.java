package dev.foresight.experiments.loop;

import dev.foresight.actuator.app.ActuatorApp;
import dev.foresight.actuator.app.ActuatorAppConfig;
import dev.foresight.cluster.TickReport;
import dev.foresight.producers.sim.MarkedTickWriter;
import dev.foresight.producers.sim.MarkedTickWriter.Keyed;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Predictions computed in the simulator's thread — the oracle's ground truth, or none at all for
 * baselines that only manage power — published to the predictions topic with the streams stage's
 * markers (so the actuator cannot tell them from the learned ones), and the real actuator app.
 */
public final class DirectPredictionsControlPlane implements ControlPlane {

    /** Where the predictions of a tick come from. */
    @FunctionalInterface
    public interface PredictionSource {
        List<Prediction> predict(TickReport report);

        /** No predictor: the markers still close each tick, so the actuator can decide power alone. */
        static PredictionSource none() {
            return report -> List.of();
        }
    }

    private final PredictionSource oracle;
    private final ActuatorAppConfig actuatorConfig;
    private final MarkedTickWriter writer;
    private final List<Prediction> ownPredictions = new ArrayList<>();
    private ActuatorApp actuator;

    public DirectPredictionsControlPlane(PredictionSource oracle, ActuatorAppConfig actuatorConfig, TopicCatalogue topics,
                              Map<String, Object> kafka, String transactionalId) {
        this.oracle = oracle;
        this.actuatorConfig = actuatorConfig;
        this.writer = new MarkedTickWriter(kafka, topics, LearnedControlPlane.STREAMS_STAGE, transactionalId);
    }

    @Override
    public boolean closedLoop() {
        return true;
    }

    @Override
    public void start() {
        actuator = ActuatorApp.start(actuatorConfig);
    }

    @Override
    public boolean healthy() {
        return actuator != null && actuator.failure().isEmpty();
    }

    @Override
    public String failure() {
        return actuator == null ? "actuator not started" : actuator.failure().map(Throwable::toString).orElse(null);
    }

    @Override
    public List<SimulationDriver.TickListener> listeners() {
        return List.of(this::publish);
    }

    private void publish(TickReport report) {
        List<Prediction> predictions = oracle.predict(report);
        List<Keyed> keyed = new ArrayList<>(predictions.size());
        predictions.forEach(p -> keyed.add(new Keyed(p.getNodeId(), p)));
        writer.writeTick(report.tick(), report.timeMillis(), Map.of(TopicRole.PREDICTIONS, keyed), List.of(TopicRole.PREDICTIONS));
        ownPredictions.addAll(predictions);
    }

    @Override
    public List<Prediction> drainOwnPredictions() {
        List<Prediction> drained = List.copyOf(ownPredictions);
        ownPredictions.clear();
        return drained;
    }

    @Override
    public void close() {
        if (actuator != null) {
            actuator.close();
        }
        writer.close();
    }
}
