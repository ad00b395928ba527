package dev.foresight.experiments.loop;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.schemas.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling of learned prediction on this telemetry: it reads the true degradation of each node's coming failure
 * (the simulator's precursor severity, 0 to 1), which the sensors show only through load, node traits, noise and
 * benign anomalies, but it does not know when the failure comes (that is the {@link OraclePredictor}). Sudden
 * failures are invisible to it, a slow ramp looks weak for a long time, and a long ramp shows long before its
 * failure falls within the horizon: the limits any learner shares. It reads the severity exactly, without the
 * sensors' noise, so it bounds every learner from above.
 *
 * <p>Its score is the severity; it alarms at {@link #THRESHOLD}, a quarter of the full precursor, where every
 * class's sensors show it clearly above their noise.
 */
public final class IdealPredictor {

    /** Model version stamped on ideal predictions: a built-in model, like the oracle's. */
    public static final int IDEAL_MODEL_VERSION = 0;
    public static final double THRESHOLD = 0.25;

    private final ClusterSimulation simulation;
    private final long horizonTicks;

    public IdealPredictor(ClusterSimulation simulation, long horizonTicks) {
        if (horizonTicks < 1) {
            throw new IllegalArgumentException("ideal horizon must be >= 1 tick, got " + horizonTicks);
        }
        this.simulation = simulation;
        this.horizonTicks = horizonTicks;
    }

    /** One prediction per node that reported telemetry in the tick (powered, not failed), in node order. */
    public List<Prediction> predict(TickReport report) {
        double[] severity = simulation.failingSeverities();
        long horizonMillis = horizonTicks * simulation.scenario().tickSeconds() * 1000L;
        List<NodeView> nodes = report.nodeStates();
        List<Prediction> predictions = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            NodeView node = nodes.get(n);
            if (node.power() != PowerStatus.ON || node.health() == HealthStatus.FAILED || node.health() == HealthStatus.REPAIRING) {
                continue;
            }
            predictions.add(Prediction.newBuilder().setNodeId(node.nodeId()).setTimestamp(Instant.ofEpochMilli(report.timeMillis()))
                    .setTick(report.tick()).setProbability(severity[n]).setAlarm(severity[n] >= THRESHOLD)
                    .setModelVersion(IDEAL_MODEL_VERSION).setHorizonMillis(horizonMillis).setThreshold(THRESHOLD).build());
        }
        return predictions;
    }
}
