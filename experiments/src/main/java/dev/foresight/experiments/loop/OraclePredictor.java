package dev.foresight.experiments.loop;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.FailureForecast;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.schemas.Prediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The perfect predictor: knows from the simulator's ground truth which nodes fail within the horizon.
 * It bounds what any learned predictor can achieve, and isolates the actuator's quality from the
 * predictor's. Model version 0 marks oracle predictions.
 */
public final class OraclePredictor {

    public static final int ORACLE_MODEL_VERSION = 0;
    /** Oracle scores are 0 or 1; any threshold between them separates them. */
    private static final double THRESHOLD = 0.5;

    private final ClusterSimulation simulation;
    private final long horizonTicks;

    public OraclePredictor(ClusterSimulation simulation, long horizonTicks) {
        if (horizonTicks < 1) {
            throw new IllegalArgumentException("oracle horizon must be >= 1 tick, got " + horizonTicks);
        }
        this.simulation = simulation;
        this.horizonTicks = horizonTicks;
    }

    /** One prediction per powered, healthy-looking node of the tick, in node order. */
    public List<Prediction> predict(TickReport report) {
        Set<String> failing = new HashSet<>();
        for (FailureForecast forecast : simulation.upcomingFailures(horizonTicks)) {
            failing.add(forecast.nodeId());
        }
        long horizonMillis = horizonTicks * simulation.scenario().tickSeconds() * 1000L;
        List<Prediction> predictions = new ArrayList<>();
        for (NodeView node : report.nodeStates()) {
            if (node.power() != PowerStatus.ON || node.health() == HealthStatus.FAILED || node.health() == HealthStatus.REPAIRING) {
                continue;
            }
            boolean alarm = failing.contains(node.nodeId());
            predictions.add(Prediction.newBuilder().setNodeId(node.nodeId()).setTimestamp(Instant.ofEpochMilli(report.timeMillis()))
                    .setTick(report.tick()).setProbability(alarm ? 1.0 : 0.0).setAlarm(alarm)
                    .setModelVersion(ORACLE_MODEL_VERSION).setHorizonMillis(horizonMillis).setThreshold(THRESHOLD).build());
        }
        return predictions;
    }
}
