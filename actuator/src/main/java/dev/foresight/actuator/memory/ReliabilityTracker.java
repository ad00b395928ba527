package dev.foresight.actuator.memory;

import dev.foresight.actuator.policy.ReliabilityEstimate;
import dev.foresight.actuator.policy.ViewIndex;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.CheckpointingSettings;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns node MTBF and predictor recall from what the cluster view shows: a node turning FAILED is a
 * failure; it was predicted if the node alarmed within the recall window before. Both estimates start
 * from the settings' priors, each worth a configured number of failures, so a handful of early
 * failures cannot swing them to extremes.
 *
 * <p>Recall is measured here, against real outcomes, rather than read from the model release: it is
 * the recall of alarms as this actuator sees them (its own alarm rule included), and it depends on
 * nothing but the topics the actuator already reads in lockstep.
 */
final class ReliabilityTracker {

    /** Counters and per-node memory, as saved in a snapshot. */
    record State(long lastTick, double nodeSecondsUp, long failures, long predictedFailures,
            Map<String, Boolean> down, Map<String, Long> lastAlarmTick) {}

    private long lastTick = -1;
    private double nodeSecondsUp;
    private long failures;
    private long predictedFailures;
    private final Map<String, Boolean> down = new TreeMap<>();
    private final Map<String, Long> lastAlarmTick = new TreeMap<>();

    void observe(ViewIndex index, RiskView risk, long tickSeconds, int windowTicks) {
        long tick = index.tick();
        double seconds = lastTick < 0 ? tickSeconds : (double) (tick - lastTick) * tickSeconds;
        for (NodeView node : index.nodes()) {
            boolean isDown = node.health() == HealthStatus.FAILED || node.health() == HealthStatus.REPAIRING;
            Boolean wasDown = down.put(node.nodeId(), isDown);
            if (isDown && Boolean.FALSE.equals(wasDown)) {
                failures++;
                Long alarm = lastAlarmTick.get(node.nodeId());
                if (alarm != null && alarm >= tick - windowTicks) {
                    predictedFailures++;
                }
            }
            if (!isDown && node.power() == PowerStatus.ON) {
                nodeSecondsUp += seconds;
            }
        }
        for (String nodeId : risk.alarmedNodes()) {
            lastAlarmTick.put(nodeId, tick);
        }
        lastAlarmTick.values().removeIf(t -> t < tick - windowTicks);
        lastTick = tick;
    }

    ReliabilityEstimate estimate(CheckpointingSettings settings) {
        double priorSeconds = settings.nodeMtbfHours() * 3600;
        double mtbf = (priorSeconds * settings.mtbfPriorFailures() + nodeSecondsUp) / (settings.mtbfPriorFailures() + failures);
        double recall = (settings.priorRecall() * settings.recallPriorFailures() + predictedFailures)
                / (settings.recallPriorFailures() + failures);
        return new ReliabilityEstimate(mtbf, Math.min(1, Math.max(0, recall)), failures);
    }

    State snapshot() {
        return new State(lastTick, nodeSecondsUp, failures, predictedFailures, new TreeMap<>(down), new TreeMap<>(lastAlarmTick));
    }

    static ReliabilityTracker restore(State state) {
        ReliabilityTracker tracker = new ReliabilityTracker();
        tracker.lastTick = state.lastTick();
        tracker.nodeSecondsUp = state.nodeSecondsUp();
        tracker.failures = state.failures();
        tracker.predictedFailures = state.predictedFailures();
        tracker.down.putAll(state.down());
        tracker.lastAlarmTick.putAll(state.lastAlarmTick());
        return tracker;
    }
}
