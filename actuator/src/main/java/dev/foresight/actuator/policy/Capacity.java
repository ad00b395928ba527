package dev.foresight.actuator.policy;

import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;

/**
 * Cluster-wide capacity figures the power policies compare, as of the ledger's current state.
 *
 * @param headroomCores free cores to keep: {@code headroomFraction} of every node's cores, powered or not
 * @param arrivingCores cores of nodes booting, or being powered on by this actuator
 */
record Capacity(
        long freeCores,
        long freeMemoryMb,
        long arrivingCores,
        long arrivingMemoryMb,
        long headroomCores,
        long headroomMemoryMb) {

    static Capacity of(PlanningContext ctx) {
        long freeCores = 0;
        long freeMemory = 0;
        for (String nodeId : ctx.ledger().usableNodes()) {
            freeCores += ctx.ledger().freeCores(nodeId);
            freeMemory += ctx.ledger().freeMemoryMb(nodeId);
        }
        long arrivingCores = 0;
        long arrivingMemory = 0;
        long totalCores = 0;
        long totalMemory = 0;
        for (NodeView node : ctx.index().nodes()) {
            totalCores += node.cores();
            totalMemory += node.memoryMb();
            if (node.power() == PowerStatus.BOOTING
                    || ctx.ledger().poweringOn(node.nodeId())
                    || ctx.operations().pending(CommandKind.POWER_ON, node.nodeId())) {
                arrivingCores += node.cores();
                arrivingMemory += node.memoryMb();
            }
        }
        double fraction = ctx.settings().consolidation().headroomFraction();
        return new Capacity(freeCores, freeMemory, arrivingCores, arrivingMemory,
                (long) Math.ceil(fraction * totalCores), (long) Math.ceil(fraction * totalMemory));
    }
}
