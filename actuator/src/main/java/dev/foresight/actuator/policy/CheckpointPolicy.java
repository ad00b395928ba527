package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.JobView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Prediction-aware periodic checkpointing. Each running job is checkpointed once
 * {@link CheckpointInterval#withRecall T = sqrt(2 M C / (1 - r))} has elapsed since its last
 * checkpoint (the later of what the view reports and what this actuator ordered; the job's submission
 * when neither exists), where
 * <ul>
 *   <li>M is the MTBF the job sees: one node's MTBF over the number of nodes it spans (any of them
 *       failing stops it);</li>
 *   <li>C is its checkpoint cost;</li>
 *   <li>r is the recall of the predictor as measured against observed failures, capped at
 *       {@code maxTrustedRecall}, and 0 while no model is active: then T is Young/Daly's
 *       {@code sqrt(2 M C)}.</li>
 * </ul>
 * A job whose remaining work is shorter than one checkpoint is left alone, and so is one whose
 * checkpoint would cost more than it is expected to save ({@link ActionEconomics#periodicCheckpoint}:
 * the work at risk times the chance of an unpredicted failure within the next interval).
 */
public final class CheckpointPolicy implements Policy {

    @Override
    public PolicyKind kind() {
        return PolicyKind.CHECKPOINT;
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        double recall = ctx.risk().modelActive()
                ? Math.min(ctx.reliability().recall(), ctx.settings().checkpointing().maxTrustedRecall())
                : 0.0;
        double nodeMtbf = ctx.reliability().nodeMtbfSeconds();
        List<Proposal> proposals = new ArrayList<>();
        List<JobView> running = ctx.index().view().jobs().stream()
                .filter(j -> j.status() == JobStatus.RUNNING)
                .sorted(Comparator.comparing(JobView::jobId))
                .toList();
        for (JobView job : running) {
            String jobId = job.jobId();
            var vms = ctx.index().vmsOf(jobId);
            if (vms.isEmpty()
                    || ctx.index().checkpointing(jobId)
                    || ctx.index().migrating(jobId)
                    || ctx.operations().pending(CommandKind.CHECKPOINT, jobId)
                    || ctx.operations().migrationsInFlight().stream().anyMatch(m -> vms.stream().anyMatch(p -> p.vm().vmId().equals(m.vmId())))) {
                continue;
            }
            int spanned = ctx.index().nodesSpanned(jobId);
            double mtbf = nodeMtbf / spanned;
            long memoryPerVm = vms.stream().mapToLong(p -> p.vm().memoryMb()).max().orElse(0);
            double cost = Costs.checkpointSeconds(job, vms.size(), memoryPerVm, ctx.settings().checkpointing());
            if (job.remainingWorkSeconds() > 0 && job.remainingWorkSeconds() <= cost) {
                continue;
            }
            double interval = CheckpointInterval.withRecall(mtbf, cost, recall);
            long last = Math.max(job.lastCheckpointTick(), ctx.operations().checkpointOrderedFor(jobId).orElse(-1L));
            long since = last >= 0 ? last : job.submitTick();
            double elapsed = (double) (ctx.tick() - since) * ctx.tickSeconds();
            if (elapsed < interval) {
                continue;
            }
            Economics economics = ActionEconomics.periodicCheckpoint(interval, mtbf / (1 - recall),
                    ActionEconomics.workAtRisk(jobId, ctx), cost, ActionEconomics.jobCores(jobId, ctx));
            if (economics.pays()) {
                proposals.add(Proposal.checkpoint(kind(), jobId, String.format(Locale.ROOT,
                        "%.0f s since last checkpoint >= interval %.0f s = sqrt(2 M C / (1 - r)), "
                                + "M = %.1f h (node MTBF over %d node(s)), C = %.1f s, r = %.2f; %s",
                        elapsed, interval, mtbf / 3600, spanned, cost, recall, economics.describe()), null, null)
                        .withEconomics(economics));
            }
        }
        return proposals;
    }
}
