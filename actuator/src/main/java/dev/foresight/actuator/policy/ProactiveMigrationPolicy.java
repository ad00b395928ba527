package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers each alarm before the failure does: quarantine the node (no new placements), live-migrate
 * its VMs to healthy, low-risk nodes with room, and checkpoint the jobs that cannot move.
 *
 * <p>The unit of decision is the job, not the VM: an MPI job loses everything if any one VM is lost,
 * so either all its VMs on the node can leave in time, or the job is checkpointed (once per alarm) and
 * none of them moves, which also keeps migrations away from the checkpoint that protects them.
 *
 * <p>Migrations leaving one node share its link, so they are timed one after the other, highest
 * priority job first; jobs whose turn would come after the expected lead time of the alarm (minus the
 * actuation lag) are checkpointed instead.
 */
public final class ProactiveMigrationPolicy implements Policy {

    @Override
    public PolicyKind kind() {
        return PolicyKind.PROACTIVE;
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        List<Proposal> proposals = new ArrayList<>();
        for (String nodeId : ctx.risk().alarmedNodes()) {
            ctx.index().node(nodeId)
                    .filter(ProactiveMigrationPolicy::stillWorthSaving)
                    .ifPresent(node -> evacuate(node, ctx, proposals));
        }
        return proposals;
    }

    /** A node already failed, under repair or off has nothing left to save. */
    private static boolean stillWorthSaving(NodeView node) {
        return node.health() != HealthStatus.FAILED
                && node.health() != HealthStatus.REPAIRING
                && (node.power() == PowerStatus.ON || node.power() == PowerStatus.BOOTING);
    }

    private void evacuate(NodeView node, PlanningContext ctx, List<Proposal> out) {
        String nodeId = node.nodeId();
        NodeRisk risk = ctx.risk().of(nodeId).orElseThrow();
        String ref = risk.reference();
        if (!node.quarantined() && !ctx.operations().pending(CommandKind.QUARANTINE, nodeId)) {
            out.add(Proposal.onNode(kind(), CommandKind.QUARANTINE, nodeId,
                    "failure of " + nodeId + " predicted, " + risk.describe() + ": no new placements", ref));
        }
        ctx.ledger().claim(nodeId);
        long episodeStart = ctx.operations().alarmEpisodeSince(nodeId).orElse(ctx.tick());
        double budgetSeconds = ctx.settings().proactive().expectedLeadSeconds()
                - (double) ctx.settings().actuationLagTicks() * ctx.tickSeconds();
        double linkBusySeconds = 0;
        for (Map.Entry<String, List<VmView>> job : jobsByPriority(node, ctx)) {
            String jobId = job.getKey();
            List<VmView> here = job.getValue();
            if (ctx.index().checkpointing(jobId) || ctx.operations().pending(CommandKind.CHECKPOINT, jobId)) {
                continue; // a checkpoint is under way: it protects the job, and nothing may move during it
            }
            List<VmView> leaving = here.stream().filter(vm -> !alreadyLeaving(vm, ctx)).toList();
            if (leaving.isEmpty()) {
                continue;
            }
            double seconds = leaving.stream()
                    .mapToDouble(vm -> Costs.migrationSeconds(vm, ctx.settings().proactive().migrationBandwidthMbPerSec()))
                    .sum();
            String obstacle = obstacle(leaving, seconds, linkBusySeconds, budgetSeconds, ctx);
            int mark = ctx.ledger().mark();
            List<Proposal> moves = obstacle == null ? placeAll(leaving, node, jobId, risk, ctx) : List.of();
            if (obstacle == null && moves.isEmpty()) {
                ctx.ledger().rollback(mark);
                obstacle = "no healthy low-risk node has room for all its " + leaving.size() + " VM(s) here";
            }
            if (obstacle == null) {
                linkBusySeconds += seconds;
                out.addAll(moves);
            } else if (!checkpointedSince(jobId, episodeStart, ctx)) {
                out.add(Proposal.checkpoint(kind(), jobId,
                        "failure of " + nodeId + " predicted, " + risk.describe() + "; job cannot leave: " + obstacle,
                        ref, nodeId));
            }
        }
    }

    /** The job's VMs on the node, highest priority job first (then job id). */
    private static List<Map.Entry<String, List<VmView>>> jobsByPriority(NodeView node, PlanningContext ctx) {
        Map<String, List<VmView>> byJob = new TreeMap<>();
        for (VmView vm : node.vms()) {
            byJob.computeIfAbsent(vm.jobId(), k -> new ArrayList<>()).add(vm);
        }
        return byJob.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<VmView>> e) -> -ctx.index().priorityOf(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    private static boolean alreadyLeaving(VmView vm, PlanningContext ctx) {
        return vm.migrating() || ctx.operations().migrationsInFlight().stream().anyMatch(m -> m.vmId().equals(vm.vmId()));
    }

    /** Why the job's VMs cannot all leave in time, or null if they may try. */
    private static String obstacle(List<VmView> leaving, double seconds, double linkBusySeconds, double budgetSeconds,
            PlanningContext ctx) {
        for (VmView vm : leaving) {
            String why = ctx.whyImmovable(vm);
            if (why != null) {
                return "VM " + vm.vmId() + ": " + why;
            }
        }
        if (linkBusySeconds + seconds > budgetSeconds) {
            return String.format(Locale.ROOT, "migrating it would end %.0f s after the alarm, beyond the expected lead of %.0f s",
                    linkBusySeconds + seconds, budgetSeconds);
        }
        return null;
    }

    /** One MIGRATE per VM, each with its room reserved; empty if some VM finds no target. */
    private List<Proposal> placeAll(List<VmView> leaving, NodeView node, String jobId, NodeRisk risk, PlanningContext ctx) {
        String rack = ctx.index().preferredRack(jobId, node.nodeId());
        List<Proposal> moves = new ArrayList<>();
        for (VmView vm : leaving) {
            var target = Placement.evacuationTarget(vm, node.nodeId(), rack, ctx);
            if (target.isEmpty()) {
                return List.of();
            }
            ctx.ledger().reserveIncoming(target.get(), vm.cores(), vm.memoryMb());
            moves.add(Proposal.migrate(kind(), vm.vmId(), node.nodeId(), target.get(),
                    String.format(Locale.ROOT, "evacuate %s before its predicted failure, %s; target %s in %s, p=%.3f",
                            node.nodeId(), risk.describe(), target.get(),
                            ctx.index().node(target.get()).map(NodeView::rackId).orElse("?"),
                            ctx.risk().probability(target.get())),
                    risk.reference(), node.nodeId()));
        }
        return moves;
    }

    /** One checkpoint per alarm is enough: the job is protected from its moment on. */
    private static boolean checkpointedSince(String jobId, long episodeStart, PlanningContext ctx) {
        long seen = ctx.index().job(jobId).map(JobView::lastCheckpointTick).orElse(-1L);
        long ordered = ctx.operations().checkpointOrderedFor(jobId).orElse(-1L);
        return Math.max(seen, ordered) >= episodeStart;
    }
}
