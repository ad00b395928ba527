package dev.foresight.cluster.engine;

import dev.foresight.cluster.NodeEventKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.view.PowerStatus;

/** Ends boots, wakes and shutdowns whose time has come. */
final class PowerTransitions {

    private final ClusterState state;

    PowerTransitions(ClusterState state) {
        this.state = state;
    }

    void run(TickContext ctx) {
        for (Node node : state.nodes) {
            if (node.down() || node.transitionEndsAt > ctx.endSeconds) {
                continue;
            }
            if (node.power == PowerStatus.BOOTING) {
                node.power = PowerStatus.ON;
                ctx.event(node, NodeEventKind.BOOTED, null);
                complete(node, CommandKind.POWER_ON, ctx);
            } else if (node.power == PowerStatus.SHUTTING_DOWN) {
                node.power = node.shutdownTarget;
                ctx.event(node, NodeEventKind.POWERED_OFF, CommandProcessor.describe(node.power));
                complete(node, CommandKind.POWER_OFF, ctx);
            }
        }
    }

    private static void complete(Node node, CommandKind kind, TickContext ctx) {
        if (node.powerCommandId != null) {
            ctx.outcome(node.powerCommandId, kind, node.id, OutcomeStatus.COMPLETED, null);
            node.powerCommandId = null;
        }
    }
}
