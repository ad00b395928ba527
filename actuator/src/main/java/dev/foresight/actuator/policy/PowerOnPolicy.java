package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Powers nodes on ahead of demand: when the queued jobs' cores and memory plus the headroom exceed
 * what the usable nodes have free plus what is already booting, it wakes just enough nodes to cover
 * the difference. Nodes take {@code bootSeconds} to arrive, so acting on the queue rather than on a
 * placement failure is what hides most of that delay; counting booting nodes as supply keeps it from
 * waking more nodes every tick while the first ones boot.
 *
 * <p>Queued jobs at or above the making-room priority are left to {@link MakingRoomPolicy} when it is
 * enabled (it holds their room, or wakes nodes for them itself). From Kafka no queue is visible, so
 * there this policy only restores the headroom.
 */
public final class PowerOnPolicy implements Policy {

    /** Suspended nodes first (they wake in seconds), then the lowest failure probability, then id. */
    static final Function<PlanningContext, Comparator<NodeView>> WAKE_ORDER = ctx -> Comparator
            .comparing((NodeView n) -> n.power() != PowerStatus.LOW_POWER)
            .thenComparingDouble(n -> ctx.risk().probability(n.nodeId()))
            .thenComparing(NodeView::nodeId);

    @Override
    public PolicyKind kind() {
        return PolicyKind.POWER_ON;
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        Capacity capacity = Capacity.of(ctx);
        long demandCores = 0;
        long demandMemory = 0;
        boolean makingRoomServes = ctx.settings().enabled(PolicyKind.MAKING_ROOM);
        for (JobView job : ctx.index().view().jobs()) {
            if (job.status() == JobStatus.QUEUED
                    && !(makingRoomServes && job.priority() >= ctx.settings().makingRoom().minPriority())) {
                demandCores += (long) job.vmCount() * job.coresPerVm();
                demandMemory += (long) job.vmCount() * job.memoryPerVmMb();
            }
        }
        long missingCores = demandCores + capacity.headroomCores() - capacity.freeCores() - capacity.arrivingCores();
        long missingMemory = demandMemory + capacity.headroomMemoryMb() - capacity.freeMemoryMb() - capacity.arrivingMemoryMb();
        if (missingCores <= 0 && missingMemory <= 0) {
            return List.of();
        }
        List<NodeView> candidates = ctx.index().nodes().stream()
                .filter(n -> (n.power() == PowerStatus.OFF || n.power() == PowerStatus.LOW_POWER)
                        && n.health() == HealthStatus.HEALTHY
                        && !n.quarantined()
                        && !ctx.ledger().poweringOn(n.nodeId())
                        && !ctx.operations().pending(CommandKind.POWER_ON, n.nodeId()))
                .sorted(WAKE_ORDER.apply(ctx))
                .toList();
        String why = String.format(Locale.ROOT,
                "queued demand %d cores/%d MB + headroom %d cores exceeds free %d cores + %d booting",
                demandCores, demandMemory, capacity.headroomCores(), capacity.freeCores(), capacity.arrivingCores());
        List<Proposal> proposals = new ArrayList<>();
        for (NodeView node : candidates) {
            if (missingCores <= 0 && missingMemory <= 0) {
                break;
            }
            ctx.ledger().markPoweringOn(node.nodeId());
            missingCores -= node.cores();
            missingMemory -= node.memoryMb();
            double arrival = node.power() == PowerStatus.LOW_POWER ? 0 : ctx.settings().consolidation().bootSeconds();
            proposals.add(Proposal.onNode(kind(), CommandKind.POWER_ON, node.nodeId(),
                    why + String.format(Locale.ROOT, ": power on %s (usable in about %.0f s)", node.nodeId(), arrival), null));
        }
        return proposals;
    }
}
