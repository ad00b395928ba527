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

/**
 * Rearranges running VMs so that a blocked high-priority job can start now: batch schedulers never
 * revisit a placement, this does. Queued jobs at or above {@code minPriority} are served in priority
 * then submission order. A job that fits already gets its room held (so consolidation cannot take it);
 * one that does not gets the fewest migrations that free enough slots ({@link EvictionPlanner}). When
 * that needs more than {@code maxMigrationsPerJob} migrations, or no plan exists, switched-off nodes
 * are powered on instead (slower, but disturbs no running job).
 *
 * <p>Queued jobs appear only in views that carry them (the in-process engine); the cluster-state topic
 * has no queue, so from Kafka this policy stays silent.
 */
public final class MakingRoomPolicy implements Policy {

    @Override
    public PolicyKind kind() {
        return PolicyKind.MAKING_ROOM;
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        List<Proposal> proposals = new ArrayList<>();
        List<JobView> blocked = ctx.index().view().jobs().stream()
                .filter(j -> j.status() == JobStatus.QUEUED && j.priority() >= ctx.settings().makingRoom().minPriority())
                .filter(j -> j.vmCount() > 0 && j.coresPerVm() > 0 && j.memoryPerVmMb() > 0)
                .sorted(Comparator.comparingInt(JobView::priority).reversed()
                        .thenComparingLong(JobView::submitTick)
                        .thenComparing(JobView::jobId))
                .toList();
        for (JobView job : blocked) {
            var planned = ctx.operations().roomPlannedAt(job.jobId());
            if (planned.isPresent() && ctx.tick() - planned.getAsLong() < ctx.settings().makingRoom().planTimeoutTicks()) {
                continue;
            }
            int missing = holdFreeSlots(job, ctx);
            if (missing == 0) {
                continue;
            }
            var plan = EvictionPlanner.plan(missing, job.coresPerVm(), job.memoryPerVmMb(),
                    ctx.settings().makingRoom().maxMigrationsPerJob(), ctx);
            if (plan.isPresent()) {
                int migrations = plan.get().stream().mapToInt(p -> p.evictions().size()).sum();
                for (EvictionPlanner.NodePlan nodePlan : plan.get()) {
                    for (EvictionPlanner.Eviction eviction : nodePlan.evictions()) {
                        proposals.add(Proposal.migrate(kind(), eviction.vm().vmId(), eviction.source(), eviction.target(),
                                String.format(Locale.ROOT,
                                        "make room for high-priority job %s (priority %d, %d more VM(s) of %d cores): "
                                                + "%d migration(s) free %s",
                                        job.jobId(), job.priority(), missing, job.coresPerVm(), migrations, nodePlan.nodeId()),
                                null, job.jobId()));
                    }
                }
            } else {
                proposals.addAll(powerOnFor(job, missing, ctx));
            }
        }
        return proposals;
    }

    /** Holds the free slots the job can use now; returns how many it still lacks. */
    private static int holdFreeSlots(JobView job, PlanningContext ctx) {
        int missing = job.vmCount();
        for (String nodeId : ctx.ledger().usableNodes()) {
            if (missing == 0) {
                break;
            }
            if (!ctx.risk().safeTarget(nodeId)) {
                continue;
            }
            int slots = Math.min(missing, ctx.ledger().slots(nodeId, job.coresPerVm(), job.memoryPerVmMb()));
            for (int i = 0; i < slots; i++) {
                ctx.ledger().hold(nodeId, job.coresPerVm(), job.memoryPerVmMb());
            }
            missing -= slots;
        }
        return missing;
    }

    private List<Proposal> powerOnFor(JobView job, int missing, PlanningContext ctx) {
        int stillMissing = missing;
        for (NodeView node : ctx.index().nodes()) {
            if (arriving(node, ctx)) {
                stillMissing -= slotsOnEmpty(node, job);
            }
        }
        List<NodeView> candidates = ctx.index().nodes().stream()
                .filter(n -> (n.power() == PowerStatus.OFF || n.power() == PowerStatus.LOW_POWER)
                        && n.health() == HealthStatus.HEALTHY
                        && !n.quarantined()
                        && !ctx.ledger().poweringOn(n.nodeId())
                        && !ctx.operations().pending(CommandKind.POWER_ON, n.nodeId()))
                .sorted(PowerOnPolicy.WAKE_ORDER.apply(ctx))
                .toList();
        List<Proposal> proposals = new ArrayList<>();
        for (NodeView node : candidates) {
            if (stillMissing <= 0) {
                break;
            }
            int slots = slotsOnEmpty(node, job);
            if (slots == 0) {
                continue;
            }
            ctx.ledger().markPoweringOn(node.nodeId());
            stillMissing -= slots;
            proposals.add(new Proposal(kind(), CommandKind.POWER_ON, node.nodeId(), null, null,
                    String.format(Locale.ROOT,
                            "no room for high-priority job %s (%d more VM(s) of %d cores) within %d migrations: power on %s",
                            job.jobId(), missing, job.coresPerVm(), ctx.settings().makingRoom().maxMigrationsPerJob(),
                            node.nodeId()),
                    null, job.jobId(), null, null));
        }
        return proposals;
    }

    private static boolean arriving(NodeView node, PlanningContext ctx) {
        return node.power() == PowerStatus.BOOTING
                || ctx.ledger().poweringOn(node.nodeId())
                || ctx.operations().pending(CommandKind.POWER_ON, node.nodeId());
    }

    private static int slotsOnEmpty(NodeView node, JobView job) {
        return (int) Math.min(node.cores() / job.coresPerVm(), node.memoryMb() / job.memoryPerVmMb());
    }
}
