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
 * Answers each alarm before the failure does, with the actions whose expected gain exceeds their cost
 * ({@link ActionEconomics}): quarantine the node (no new placements), live-migrate its VMs to healthy,
 * low-risk nodes with room, and checkpoint the jobs that cannot move. A weak prediction (low p) buys
 * little: a checkpoint or a migration of a job with much work at risk, rarely a quarantine, whose cost
 * is the capacity it takes away. Alarmed nodes are answered highest probability first (then node id),
 * so that the guardrails' cap on quarantined nodes keeps the likeliest failures.
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
        List<String> alarmed = ctx.risk().alarmedNodes().stream()
                .sorted(Comparator.comparingDouble((String id) -> -ctx.risk().probability(id)).thenComparing(id -> id))
                .toList();
        double demand = ActionEconomics.demandShare(ctx);
        for (String nodeId : alarmed) {
            ctx.index().node(nodeId)
                    .filter(ProactiveMigrationPolicy::stillWorthSaving)
                    .ifPresent(node -> evacuate(node, demand, ctx, proposals));
        }
        return proposals;
    }

    /** A node already failed, under repair or off has nothing left to save. */
    private static boolean stillWorthSaving(NodeView node) {
        return node.health() != HealthStatus.FAILED
                && node.health() != HealthStatus.REPAIRING
                && (node.power() == PowerStatus.ON || node.power() == PowerStatus.BOOTING);
    }

    private void evacuate(NodeView node, double demand, PlanningContext ctx, List<Proposal> out) {
        String nodeId = node.nodeId();
        NodeRisk risk = ctx.risk().of(nodeId).orElseThrow();
        String ref = risk.reference();
        double p = risk.probability();
        if (!node.quarantined() && !ctx.operations().pending(CommandKind.QUARANTINE, nodeId) && !coolingDown(nodeId, ctx)) {
            double horizon = risk.horizonSeconds(ctx.settings().risk().fallbackHorizonSeconds());
            Economics economics = ActionEconomics.quarantine(p, horizon, node.cores(), demand);
            if (economics.pays()) {
                out.add(Proposal.onNode(kind(), CommandKind.QUARANTINE, nodeId, String.format(Locale.ROOT,
                                "failure of %s predicted, %s, within H = %.0f s: no new placements; %s", nodeId,
                                risk.describe(), horizon, economics.describe()), ref)
                        .withEconomics(economics).withBasis(risk));
            }
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
            double atRisk = ActionEconomics.workAtRisk(jobId, ctx);
            int cores = ActionEconomics.jobCores(jobId, ctx);
            Economics migration = ActionEconomics.migration(p, atRisk, leaving.size(),
                    ctx.settings().proactive().migrationDowntimeSeconds(), cores);
            double seconds = leaving.stream()
                    .mapToDouble(vm -> Costs.migrationSeconds(vm, ctx.settings().proactive().migrationBandwidthMbPerSec()))
                    .sum();
            String obstacle = migration.pays()
                    ? obstacle(leaving, seconds, linkBusySeconds, budgetSeconds, ctx)
                    : "moving it does not pay (" + migration.describe() + ")";
            int mark = ctx.ledger().mark();
            List<Proposal> moves = obstacle == null ? placeAll(leaving, node, jobId, risk, migration, ctx) : List.of();
            if (obstacle == null && moves.isEmpty()) {
                ctx.ledger().rollback(mark);
                obstacle = "no healthy low-risk node has room for all its " + leaving.size() + " VM(s) here";
            }
            if (obstacle == null) {
                linkBusySeconds += seconds;
                out.addAll(moves);
            } else if (!checkpointedSince(jobId, episodeStart, ctx)) {
                Economics checkpoint = ActionEconomics.checkpoint(p, atRisk, checkpointSeconds(jobId, here, ctx), cores);
                if (checkpoint.pays()) {
                    out.add(Proposal.checkpoint(kind(), jobId,
                            "failure of " + nodeId + " predicted, " + risk.describe() + "; job cannot leave: " + obstacle
                                    + "; checkpoint: " + checkpoint.describe(),
                            ref, nodeId).withEconomics(checkpoint));
                }
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

    /** No new quarantine of a node while it cools down after this actuator released it. */
    private static boolean coolingDown(String nodeId, PlanningContext ctx) {
        var until = ctx.operations().quarantineCoolDownUntil(nodeId);
        return until.isPresent() && ctx.tick() < until.getAsLong();
    }

    private static double checkpointSeconds(String jobId, List<VmView> here, PlanningContext ctx) {
        var vms = ctx.index().vmsOf(jobId);
        long memoryPerVm = vms.stream().mapToLong(p -> p.vm().memoryMb()).max()
                .orElse(here.stream().mapToLong(VmView::memoryMb).max().orElse(0));
        return Costs.checkpointSeconds(ctx.index().job(jobId).orElse(null), Math.max(1, vms.size()), memoryPerVm,
                ctx.settings().checkpointing());
    }

    /**
     * One MIGRATE per VM, each with its room reserved and its share of the job's economics; empty if
     * some VM finds no target.
     */
    private List<Proposal> placeAll(List<VmView> leaving, NodeView node, String jobId, NodeRisk risk, Economics economics,
            PlanningContext ctx) {
        String rack = ctx.index().preferredRack(jobId, node.nodeId());
        List<Proposal> moves = new ArrayList<>();
        for (VmView vm : leaving) {
            var target = Placement.evacuationTarget(vm, node.nodeId(), rack, ctx);
            if (target.isEmpty()) {
                return List.of();
            }
            ctx.ledger().reserveIncoming(target.get(), vm.cores(), vm.memoryMb());
            moves.add(Proposal.migrate(kind(), vm.vmId(), node.nodeId(), target.get(),
                    String.format(Locale.ROOT, "evacuate %s before its predicted failure, %s; target %s in %s, p=%.3f; "
                                    + "job %s: %s", node.nodeId(), risk.describe(), target.get(),
                            ctx.index().node(target.get()).map(NodeView::rackId).orElse("?"),
                            ctx.risk().probability(target.get()), jobId, economics.describe()),
                    risk.reference(), node.nodeId()).withEconomics(economics.share(1.0 / leaving.size())));
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
