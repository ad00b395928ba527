package dev.foresight.cluster.engine;

import dev.foresight.cluster.cost.CheckpointCostModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Spends one tick of each placed job's time, in this order: migration downtime stalls, restoring a
 * checkpoint after a restart, then checkpointing and computing. A periodic checkpoint starts the
 * moment the job has computed its interval since the last one (mid-tick if need be), so the
 * interval is exact rather than rounded to ticks; it waits while one of the job's VMs migrates.
 */
final class JobRunner {

    /** Share of a core a VM keeps busy while it drains, writes a snapshot or restores one (I/O bound). */
    static final double IO_ACTIVITY = 0.15;
    private static final double EPSILON = 1e-9;

    private final ClusterState state;
    private final JobLifecycle lifecycle;
    private final Accounting accounting;
    private final CheckpointCostModel checkpoints;

    JobRunner(ClusterState state, JobLifecycle lifecycle, Accounting accounting, CheckpointCostModel checkpoints) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.accounting = accounting;
        this.checkpoints = checkpoints;
    }

    void run(TickContext ctx) {
        int writers = 0;
        List<Job> placed = new ArrayList<>();
        for (Job job : state.jobs.values()) {
            if (job.placed()) {
                placed.add(job);
                if (job.checkpoint != null && job.checkpoint.writing()) {
                    writers += job.spec.vmCount();
                }
            }
        }
        // the storage share is fixed for the tick: checkpoints that start mid-tick join next tick
        double writeRate = checkpoints.vmWriteRateMbPerSec(Math.max(1, writers));
        for (Job job : placed) {
            advance(job, writeRate, ctx);
        }
    }

    private void advance(Job job, double writeRate, TickContext ctx) {
        double budget = ctx.seconds();
        int cores = job.totalCores();

        double stall = Math.min(budget, job.stallRemaining);
        job.stallRemaining -= stall;
        budget -= stall;
        accounting.migrationCoreSeconds += stall * cores;

        double restore = Math.min(budget, job.restartRemaining);
        job.restartRemaining -= restore;
        budget -= restore;
        accounting.restartCoreSeconds += restore * cores;

        double compute = 0;
        double checkpointing = 0;
        while (budget > EPSILON) {
            Checkpoint checkpoint = job.checkpoint;
            if (checkpoint != null) {
                double spent;
                if (checkpoint.drainRemaining > 0) {
                    spent = Math.min(budget, checkpoint.drainRemaining);
                    checkpoint.drainRemaining -= spent;
                } else {
                    double needed = checkpoint.remainingMbPerVm / writeRate;
                    spent = Math.min(budget, needed);
                    checkpoint.remainingMbPerVm -= spent * writeRate;
                    if (spent >= needed - EPSILON) {
                        lifecycle.finishCheckpoint(job, ctx);
                    }
                }
                budget -= spent;
                checkpointing += spent;
                continue;
            }
            boolean mayCheckpoint = job.activeMigrations == 0;
            double untilCheckpoint = mayCheckpoint
                    ? Math.max(0, job.intervalSeconds - (job.doneSeconds - job.checkpointedSeconds))
                    : Double.POSITIVE_INFINITY;
            double step = Math.min(budget, Math.min(job.remainingWorkSeconds(), untilCheckpoint));
            job.doneSeconds += step;
            budget -= step;
            compute += step;
            if (job.remainingWorkSeconds() <= EPSILON) {
                job.doneSeconds = job.spec.workSeconds();
                lifecycle.complete(job, ctx);
                break;
            }
            if (step >= untilCheckpoint - EPSILON) {
                lifecycle.startCheckpoint(job, null, ctx);
            }
        }
        accounting.executedCoreSeconds += compute * cores;
        accounting.checkpointCoreSeconds += checkpointing * cores;
        job.activity = (compute + IO_ACTIVITY * (checkpointing + restore)) / ctx.seconds();
    }
}
