package dev.foresight.actuator.policy;

import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;

/**
 * The one place where an action's expected gain is weighed against its cost (Aupy, Robert, Vivien,
 * Zaidouni, "Checkpointing algorithms and fault prediction", JPDC 2014: a prediction is worth acting
 * on only when the expected saving exceeds the action's cost; generalised here to every action). All
 * figures are core-seconds; {@code p} is the calibrated probability that the node fails within the
 * prediction's horizon H (the oracle's is 0 or 1).
 *
 * <ul>
 *   <li><b>Work at risk</b> of a job, W: all its cores (an MPI job rolls back together, whichever VM is
 *       lost) times the time since its work was last safe: its last checkpoint, the one this actuator
 *       ordered, or its start (the first tick it was seen placed), whichever is latest.</li>
 *   <li><b>Checkpoint</b>: gain {@code p W}; cost {@code C x cores}, the job paused for its checkpoint
 *       C (the cluster model's {@code SharedStorageCheckpointModel.uncontendedSeconds}, its
 *       {@code JobView.checkpointCostSeconds}; estimated by {@link Costs} when the view lacks it).</li>
 *   <li><b>Migration</b> of a job's VMs off a node: gain {@code p W}; cost
 *       {@code VMs x downtime x cores}: each pre-copy migration pauses the VM for its stop-and-copy
 *       and switch-over, and the whole job stalls with it (the cluster model's
 *       {@code PreCopyMigrationModel} and {@code migrationCoreSeconds}).</li>
 *   <li><b>Quarantine</b> of a node of K cores, with u the share of usable capacity that demand fills:
 *       gain {@code p u K H/2}, the work new placements would put on the node before a failure that
 *       comes on average half-way through H; cost {@code (1 - p) u K H}, the capacity it takes away
 *       for H (when it expires) if the prediction is wrong. It pays when {@code p > 2/3}, whatever u;
 *       with p = 1 it costs nothing. The jobs already on the node are weighed by their own migrations
 *       and checkpoints, not here.</li>
 *   <li><b>Release</b>: the quarantine's figures exchanged, at the node's current probability.</li>
 *   <li><b>Periodic checkpoint</b>: a checkpoint whose p is the chance of an unpredicted failure of
 *       the job within the next interval T, {@code 1 - exp(-T / M')} with M' the job's MTBF over
 *       {@code 1 - recall}. At Young/Daly's T = sqrt(2 M' C) the gain is about twice the cost.</li>
 * </ul>
 */
public final class ActionEconomics {

    private ActionEconomics() {}

    public static Economics checkpoint(double p, double workAtRisk, double checkpointSeconds, int jobCores) {
        return new Economics(p * workAtRisk, checkpointSeconds * jobCores);
    }

    public static Economics migration(double p, double workAtRisk, int vmsMoving, double downtimeSeconds, int jobCores) {
        return new Economics(p * workAtRisk, vmsMoving * downtimeSeconds * jobCores);
    }

    public static Economics quarantine(double p, double horizonSeconds, int nodeCores, double demandShare) {
        double capacity = demandShare * nodeCores * horizonSeconds;
        return new Economics(p * capacity / 2, (1 - p) * capacity);
    }

    public static Economics release(double p, double horizonSeconds, int nodeCores, double demandShare) {
        return quarantine(p, horizonSeconds, nodeCores, demandShare).reversed();
    }

    public static Economics periodicCheckpoint(double intervalSeconds, double unpredictedMtbfSeconds, double workAtRisk,
            double checkpointSeconds, int jobCores) {
        double p = 1 - Math.exp(-intervalSeconds / unpredictedMtbfSeconds);
        return checkpoint(p, workAtRisk, checkpointSeconds, jobCores);
    }

    /** W: the job's cores times the seconds since its work was last safe (see the class comment). */
    public static double workAtRisk(String jobId, PlanningContext ctx) {
        long safeSince = ctx.index().job(jobId).map(j -> Math.max(j.submitTick(), j.lastCheckpointTick())).orElse(ctx.tick());
        safeSince = Math.max(safeSince, ctx.operations().checkpointOrderedFor(jobId).orElse(-1L));
        return jobCores(jobId, ctx) * (double) Math.max(0, ctx.tick() - safeSince) * ctx.tickSeconds();
    }

    /** Cores of all the job's placed VMs. */
    public static int jobCores(String jobId, PlanningContext ctx) {
        return ctx.index().vmsOf(jobId).stream().mapToInt(p -> p.vm().cores()).sum();
    }

    /**
     * u: cores in use on usable nodes plus cores queued jobs ask for, over the usable nodes' cores, at
     * most 1. The share of a node's capacity that demand would fill: what a quarantine takes away.
     */
    public static double demandShare(PlanningContext ctx) {
        long usable = 0;
        long used = 0;
        for (NodeView node : ctx.index().nodes()) {
            if (node.isUsable()) {
                usable += node.cores();
                used += node.usedCores();
            }
        }
        for (JobView job : ctx.index().view().jobs()) {
            if (job.status() == JobStatus.QUEUED) {
                used += (long) job.vmCount() * job.coresPerVm();
            }
        }
        return usable == 0 ? 1.0 : Math.min(1.0, (double) used / usable);
    }
}
