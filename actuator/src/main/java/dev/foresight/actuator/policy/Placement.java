package dev.foresight.actuator.policy;

import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/** Where a VM may go: the target orders the policies share. Pure; the caller reserves the room. */
final class Placement {

    private Placement() {}

    /**
     * A node for a VM escaping a failing node: in the job's rack if possible (its MPI traffic stays
     * rack-local), then the lowest failure probability (it must not have to move again), then the
     * tightest fit (keeps big holes for big VMs), then node id.
     */
    static Optional<String> evacuationTarget(VmView vm, String sourceNode, String preferredRack, PlanningContext ctx) {
        Comparator<NodeView> order = Comparator
                .comparing((NodeView n) -> !Objects.equals(n.rackId(), preferredRack))
                .thenComparingDouble(n -> ctx.risk().probability(n.nodeId()))
                .thenComparingInt(n -> ctx.ledger().freeCores(n.nodeId()) - vm.cores())
                .thenComparing(NodeView::nodeId);
        return ctx.index().nodes().stream()
                .filter(n -> eligible(n.nodeId(), vm, sourceNode, ctx))
                .min(order)
                .map(NodeView::nodeId);
    }

    /**
     * Best fit among {@code candidates}: the node left with the fewest free cores (then least free
     * memory, then id), so that packing fills nodes before it opens new ones.
     */
    static Optional<String> packingTarget(VmView vm, String sourceNode, Collection<String> candidates, PlanningContext ctx) {
        Comparator<String> order = Comparator
                .comparingInt((String id) -> ctx.ledger().freeCores(id) - vm.cores())
                .thenComparingLong(id -> ctx.ledger().freeMemoryMb(id) - vm.memoryMb())
                .thenComparing(Comparator.naturalOrder());
        return candidates.stream()
                .filter(id -> eligible(id, vm, sourceNode, ctx))
                .min(order);
    }

    private static boolean eligible(String nodeId, VmView vm, String sourceNode, PlanningContext ctx) {
        return !nodeId.equals(sourceNode)
                && ctx.risk().safeTarget(nodeId)
                && ctx.ledger().canHost(nodeId, vm.cores(), vm.memoryMb());
    }
}
