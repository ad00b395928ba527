package dev.foresight.cluster.engine;

import dev.foresight.cluster.NodeEventKind;
import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The tick being run (or, between ticks, the next one): its time window and what it has produced
 * so far. Tick k covers simulated seconds (k*dt, (k+1)*dt]; its records are stamped with the end.
 */
final class TickContext {

    final long tick;
    final double startSeconds;
    final double endSeconds;
    final long timeMillis;
    final List<NodeEventRecord> events = new ArrayList<>();
    final List<CommandOutcome> outcomes = new ArrayList<>();

    TickContext(long tick, double tickSeconds, long epochMillis) {
        this.tick = tick;
        this.startSeconds = tick * tickSeconds;
        this.endSeconds = (tick + 1) * tickSeconds;
        this.timeMillis = epochMillis + (tick + 1) * Math.round(tickSeconds * 1000);
    }

    double seconds() {
        return endSeconds - startSeconds;
    }

    void event(Node node, NodeEventKind kind, String detail) {
        events.add(new NodeEventRecord(node.id, timeMillis, kind, detail));
    }

    void failure(Node node, String cause, String detail) {
        events.add(new NodeEventRecord(node.id, timeMillis, NodeEventKind.FAILED, detail, cause));
    }

    void outcome(String commandId, CommandKind kind, String subject, OutcomeStatus status, String reason) {
        outcomes.add(new CommandOutcome(commandId, kind, subject, status, reason, tick));
    }
}
