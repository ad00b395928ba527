package dev.foresight.actuator.memory;

import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.policy.OperationsView;
import dev.foresight.actuator.policy.ViewIndex;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Published commands whose effect the cluster view does not show yet. A command decided at tick k is
 * applied at k + 1 + lag and visible in that tick's view; until then, and while it is visibly in
 * progress (a migration still copying, a checkpoint still writing, a node booting), it stays here so
 * that no policy repeats or contradicts it. After that tick, one not visible was refused or failed.
 */
final class PendingOperations {

    /** One published command. */
    record Operation(String commandId, CommandKind kind, String subject, String source, String target, long issuedTick) {}

    private final Map<String, Operation> byKey = new TreeMap<>();

    void record(Decision decision, long publishedTick) {
        var p = decision.proposal();
        byKey.put(key(p.kind(), p.subject()),
                new Operation(decision.commandId(), p.kind(), p.subject(), p.source(), p.target(), publishedTick));
    }

    boolean pending(CommandKind kind, String subject) {
        return byKey.containsKey(key(kind, subject));
    }

    List<OperationsView.InFlightMigration> migrations() {
        List<OperationsView.InFlightMigration> migrations = new ArrayList<>();
        for (Operation op : byKey.values()) {
            if (op.kind() == CommandKind.MIGRATE) {
                migrations.add(new OperationsView.InFlightMigration(op.subject(), op.source(), op.target(), op.issuedTick()));
            }
        }
        return migrations;
    }

    /** Drops what the view shows done, refused or failed. */
    void settle(ViewIndex index, int lagTicks) {
        for (Iterator<Operation> it = byKey.values().iterator(); it.hasNext(); ) {
            Operation op = it.next();
            boolean due = index.tick() >= op.issuedTick() + 1 + lagTicks;
            if (!stillPending(op, index, due)) {
                it.remove();
            }
        }
    }

    private static boolean stillPending(Operation op, ViewIndex index, boolean due) {
        if (op.kind() == CommandKind.MIGRATE) {
            var placed = index.vm(op.subject());
            if (placed.isEmpty() || !placed.get().node().nodeId().equals(op.source())) {
                return false; // landed, or the VM is gone with its job
            }
            return placed.get().vm().migrating() || !due;
        }
        if (op.kind() == CommandKind.CHECKPOINT) {
            if (index.vmsOf(op.subject()).isEmpty()) {
                return false;
            }
            return index.checkpointing(op.subject()) || !due;
        }
        Optional<NodeView> node = index.node(op.subject());
        if (node.isEmpty()) {
            return false;
        }
        boolean visible = switch (op.kind()) {
            case QUARANTINE -> node.get().quarantined();
            case RELEASE -> !node.get().quarantined();
            case POWER_ON -> node.get().power() == PowerStatus.ON;
            case POWER_OFF -> node.get().power() == PowerStatus.OFF || node.get().power() == PowerStatus.LOW_POWER;
            default -> true;
        };
        boolean inProgress = (op.kind() == CommandKind.POWER_ON && node.get().power() == PowerStatus.BOOTING)
                || (op.kind() == CommandKind.POWER_OFF && node.get().power() == PowerStatus.SHUTTING_DOWN);
        return !visible && (inProgress || !due);
    }

    private static String key(CommandKind kind, String subject) {
        return kind + " " + subject;
    }

    List<Operation> snapshot() {
        return List.copyOf(byKey.values());
    }

    static PendingOperations restore(List<Operation> operations) {
        PendingOperations pending = new PendingOperations();
        for (Operation op : operations) {
            pending.byKey.put(key(op.kind(), op.subject()), op);
        }
        return pending;
    }
}
