package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.ConsolidationSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Power management by packing. While the usable nodes are less than {@code lowUtilization} busy, it
 * empties the least loaded nodes whose VMs all fit elsewhere, placing their VMs first-fit decreasing
 * (largest VM first, onto the fullest node that still fits it), and stops before the cluster's free
 * capacity would fall below the headroom. Only nodes that already host VMs receive them (moving load
 * onto an idle node sheds nothing). Nodes already empty are powered off (or suspended) while
 * the headroom still holds without them, the riskiest first.
 *
 * <p>A node is emptied in one tick and powered off in a later one, once the view shows it empty: a
 * migration refused by a guardrail or by the cluster then leaves a running node, never a POWER_OFF on
 * a loaded one. Nothing is packed or switched off while jobs are queued: that capacity is about to be
 * needed. Nodes with passthrough VMs cannot be emptied and serve only as targets.
 */
public final class ConsolidationPolicy implements Policy {

    @Override
    public PolicyKind kind() {
        return PolicyKind.CONSOLIDATION;
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        if (ctx.index().view().jobs().stream().anyMatch(j -> j.status() == JobStatus.QUEUED)) {
            return List.of();
        }
        List<Proposal> proposals = new ArrayList<>();
        pack(ctx, proposals);
        powerOffIdle(ctx, proposals);
        return proposals;
    }

    private void pack(PlanningContext ctx, List<Proposal> out) {
        ConsolidationSettings settings = ctx.settings().consolidation();
        List<NodeView> usable = ctx.ledger().usableNodes().stream()
                .map(id -> ctx.index().node(id).orElseThrow())
                .toList();
        long used = usable.stream().mapToLong(NodeView::usedCores).sum();
        long capacity = usable.stream().mapToLong(NodeView::cores).sum();
        if (capacity == 0 || (double) used / capacity >= settings.lowUtilization()) {
            return;
        }
        double utilization = (double) used / capacity;
        Capacity before = Capacity.of(ctx);
        long freeCores = before.freeCores();
        long freeMemory = before.freeMemoryMb();
        // only busy nodes receive: moving a VM onto an idle node would just move the load, not shed a node
        Set<String> kept = new TreeSet<>();
        usable.stream()
                .filter(n -> ctx.risk().safeTarget(n.nodeId()))
                .filter(n -> !n.vms().isEmpty() || ctx.ledger().hasIncoming(n.nodeId()))
                .forEach(n -> kept.add(n.nodeId()));
        List<NodeView> candidates = usable.stream()
                .filter(n -> !n.vms().isEmpty() && !ctx.ledger().hasIncoming(n.nodeId()))
                .filter(n -> n.vms().stream().allMatch(ctx::movable))
                .sorted(Comparator.comparingInt(NodeView::usedCores)
                        .thenComparingLong(NodeView::usedMemoryMb)
                        .thenComparing(NodeView::nodeId))
                .toList();
        for (NodeView node : candidates) {
            if (freeCores - node.cores() < before.headroomCores() || freeMemory - node.memoryMb() < before.headroomMemoryMb()) {
                continue;
            }
            int mark = ctx.ledger().mark();
            kept.remove(node.nodeId());
            ctx.ledger().claim(node.nodeId());
            List<Proposal> moves = firstFitDecreasing(node, kept, utilization, ctx);
            if (moves.isEmpty()) {
                ctx.ledger().rollback(mark);
                if (ctx.risk().safeTarget(node.nodeId())) {
                    kept.add(node.nodeId());
                }
                continue;
            }
            out.addAll(moves);
            freeCores -= node.cores();
            freeMemory -= node.memoryMb();
        }
    }

    /** Migrations emptying the node, largest VM first onto the fullest node that fits; empty if one does not fit. */
    private List<Proposal> firstFitDecreasing(NodeView node, Set<String> kept, double utilization, PlanningContext ctx) {
        List<VmView> vms = node.vms().stream()
                .sorted(Comparator.comparingInt(VmView::cores).reversed()
                        .thenComparing(Comparator.comparingLong(VmView::memoryMb).reversed())
                        .thenComparing(VmView::vmId))
                .toList();
        List<Proposal> moves = new ArrayList<>(vms.size());
        for (VmView vm : vms) {
            var target = Placement.packingTarget(vm, node.nodeId(), kept, ctx);
            if (target.isEmpty()) {
                return List.of();
            }
            ctx.ledger().reserveIncoming(target.get(), vm.cores(), vm.memoryMb());
            moves.add(Proposal.migrate(kind(), vm.vmId(), node.nodeId(), target.get(),
                    String.format(Locale.ROOT, "consolidate: utilization %.0f%% < %.0f%%; emptying %s to power it off",
                            100 * utilization, 100 * ctx.settings().consolidation().lowUtilization(), node.nodeId()),
                    null, node.nodeId()));
        }
        return moves;
    }

    private void powerOffIdle(PlanningContext ctx, List<Proposal> out) {
        ConsolidationSettings settings = ctx.settings().consolidation();
        Capacity capacity = Capacity.of(ctx);
        long freeCores = capacity.freeCores();
        long freeMemory = capacity.freeMemoryMb();
        List<NodeView> idle = ctx.ledger().usableNodes().stream()
                .map(id -> ctx.index().node(id).orElseThrow())
                .filter(n -> n.vms().isEmpty() && !ctx.ledger().hasIncoming(n.nodeId()))
                .filter(n -> !recentlyPoweredOn(n.nodeId(), ctx))
                .sorted(Comparator.comparingDouble((NodeView n) -> -ctx.risk().probability(n.nodeId()))
                        .thenComparing(NodeView::nodeId))
                .toList();
        for (NodeView node : idle) {
            long cores = ctx.ledger().freeCores(node.nodeId());
            long memory = ctx.ledger().freeMemoryMb(node.nodeId());
            if (freeCores - cores < capacity.headroomCores() || freeMemory - memory < capacity.headroomMemoryMb()) {
                continue;
            }
            ctx.ledger().claim(node.nodeId());
            freeCores -= cores;
            freeMemory -= memory;
            out.add(Proposal.powerOff(kind(), node.nodeId(), settings.lowPower(),
                    String.format(Locale.ROOT, "%s is idle; free capacity without it, %d cores, still covers the headroom of %d",
                            node.nodeId(), freeCores, capacity.headroomCores())));
        }
    }

    private static boolean recentlyPoweredOn(String nodeId, PlanningContext ctx) {
        var on = ctx.operations().lastPowerOnTick(nodeId);
        return on.isPresent() && ctx.tick() - on.getAsLong() < ctx.settings().consolidation().minTicksPoweredOn();
    }
}
