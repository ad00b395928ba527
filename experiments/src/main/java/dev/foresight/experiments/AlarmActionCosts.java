package dev.foresight.experiments;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What acting on alarms cost a run, and how much of it went on alarms no failure followed: the price of the
 * predictor's false alarms in the currency of the actions. An action on an alarm is a MIGRATE, CHECKPOINT or
 * QUARANTINE that answers a prediction (its {@code predictionRef}) and that the cluster did not reject. It was spent
 * on a false alarm when the predicted node did not fail within the horizon after the prediction's tick. Its cost is
 * the one the actuator weighed when it decided (the command's {@code costCoreSeconds}, see the actuator's
 * ActionEconomics): an estimate at decision time, the same figure the audit trail shows.
 *
 * <p>Quarantine is also measured as it happened: node time in quarantines during which the node did not fail, from
 * the run's node events (a quarantine still open at the end counts up to the last tick).
 */
final class AlarmActionCosts {

    private static final Set<CommandType> ACTIONS_ON_ALARMS = Set.of(CommandType.MIGRATE, CommandType.CHECKPOINT,
            CommandType.QUARANTINE);

    private AlarmActionCosts() {}

    /** The figures, keyed as {@code report.Quantities} names them; empty when the run acted on no prediction. */
    static Map<String, Double> measure(Path runDir, long horizonTicks, long tickSeconds, long durationTicks) {
        Map<String, List<Long>> failureTicks = new HashMap<>();
        List<NodeEvent> events = new ArrayList<>();
        RecordingReader.forEach(runDir, RecordingStream.NODE_EVENTS, NodeEvent.class, e -> {
            events.add(e);
            if (e.getType() == NodeEventType.FAILED) {
                failureTicks.computeIfAbsent(e.getNodeId(), k -> new ArrayList<>()).add(e.getTick());
            }
        });
        Set<String> rejected = new HashSet<>();
        RecordingReader.forEach(runDir, RecordingStream.COMMAND_RESULTS, CommandResult.class, r -> {
            if (r.getStatus() == CommandStatus.REJECTED) {
                rejected.add(r.getCommandId());
            }
        });
        long actions = 0;
        long falseActions = 0;
        double cost = 0;
        double falseCost = 0;
        for (Command c : RecordingReader.readAll(runDir, RecordingStream.COMMANDS, Command.class)) {
            Optional<NodeRisk.Referenced> answered = NodeRisk.referenced(c.getPredictionRef());
            if (answered.isEmpty() || !ACTIONS_ON_ALARMS.contains(c.getType()) || rejected.contains(c.getCommandId())) {
                continue;
            }
            NodeRisk.Referenced ref = answered.get();
            double commandCost = c.getCostCoreSeconds() == null ? 0 : c.getCostCoreSeconds();
            actions++;
            cost += commandCost;
            if (!failsWithin(failureTicks.get(ref.nodeId()), ref.tick(), horizonTicks)) {
                falseActions++;
                falseCost += commandCost;
            }
        }
        if (actions == 0) {
            return Map.of();
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("alarmActions", (double) actions);
        figures.put("falseAlarmActions", (double) falseActions);
        figures.put("alarmActionCostCoreHours", cost / 3600);
        figures.put("falseAlarmCostCoreHours", falseCost / 3600);
        figures.put("quarantinedNodeHoursWithoutFailure", quarantineTicksWithoutFailure(events, durationTicks) * tickSeconds / 3600.0);
        return figures;
    }

    /** Whether the node failed in (tick, tick + horizon]. */
    static boolean failsWithin(List<Long> failureTicks, long tick, long horizonTicks) {
        if (failureTicks == null) {
            return false;
        }
        for (long f : failureTicks) {
            if (f > tick && f <= tick + horizonTicks) {
                return true;
            }
        }
        return false;
    }

    /** Ticks of quarantines, summed over nodes, during which the quarantined node did not fail. */
    static long quarantineTicksWithoutFailure(List<NodeEvent> events, long durationTicks) {
        Map<String, long[]> open = new TreeMap<>(); // node -> {start tick, failed (0/1)}
        long total = 0;
        for (NodeEvent e : events) {
            long[] q = open.get(e.getNodeId());
            switch (e.getType()) {
                case QUARANTINED -> open.putIfAbsent(e.getNodeId(), new long[] {e.getTick(), 0});
                case FAILED -> {
                    if (q != null) {
                        q[1] = 1;
                    }
                }
                case RELEASED -> {
                    if (q != null) {
                        total += q[1] == 0 ? e.getTick() - q[0] : 0;
                        open.remove(e.getNodeId());
                    }
                }
                default -> { }
            }
        }
        for (long[] q : open.values()) {
            total += q[1] == 0 ? Math.max(0, durationTicks - q[0]) : 0;
        }
        return total;
    }
}
