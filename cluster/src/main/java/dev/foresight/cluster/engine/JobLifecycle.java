package dev.foresight.cluster.engine;

import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.cost.CheckpointCostModel;
import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.workload.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The transitions of a job's life that several steps share: submit, start on a placement,
 * checkpoint, roll back after a failure, complete. Each keeps nodes, VMs, migrations and
 * accounting consistent with one another.
 */
final class JobLifecycle {

    private final ClusterState state;
    private final Accounting accounting;
    private final CheckpointCostModel checkpoints;
    private final CheckpointSettings settings;
    private final double nodeMtbfSeconds;

    JobLifecycle(ClusterState state, Accounting accounting, CheckpointCostModel checkpoints) {
        this.state = state;
        this.accounting = accounting;
        this.checkpoints = checkpoints;
        this.settings = state.scenario.checkpointing();
        this.nodeMtbfSeconds = state.scenario.failures().weibull().meanHours() * 3600;
    }

    Job submit(JobSpec spec, TickContext ctx) {
        if (state.jobs.containsKey(spec.jobId()) || state.completedJobIds.contains(spec.jobId())) {
            throw new IllegalArgumentException("duplicate job id " + spec.jobId());
        }
        double cost = checkpoints.uncontendedSeconds(spec.kind(), spec.vmCount(), spec.memoryPerVmMb());
        Job job = new Job(spec, ctx.tick, state.submitSequence++, cost);
        job.queuedSince = ctx.startSeconds;
        state.jobs.put(job.id(), job);
        for (Vm vm : job.vms) {
            state.vmsById.put(vm.id, vm);
        }
        state.queue.add(job);
        accounting.jobsSubmitted++;
        return job;
    }

    /** Places VM i on {@code nodeIndexes[i]} and sets the job running. */
    void start(Job job, int[] nodeIndexes, TickContext ctx) {
        state.queue.remove(job);
        TreeSet<Integer> spanned = new TreeSet<>();
        for (int i = 0; i < nodeIndexes.length; i++) {
            Node node = state.nodes[nodeIndexes[i]];
            if (!node.acceptsPlacements() || !node.fits(job.spec.coresPerVm(), job.spec.memoryPerVmMb())) {
                throw new IllegalStateException("scheduler placed " + job.vms.get(i).id + " on " + node.id + " without room");
            }
            node.host(job.vms.get(i));
            spanned.add(nodeIndexes[i]);
        }
        job.status = JobStatus.RUNNING;
        job.restartRemaining = job.checkpointedSeconds > 0
                ? checkpoints.restartSeconds(job.spec.kind(), job.spec.vmCount(), job.spec.memoryPerVmMb())
                : 0;
        job.intervalSeconds = interval(job, spanned.size());
        if (job.spec.priority() > 0) {
            accounting.highPriorityStarts++;
        }
    }

    /**
     * Young: the job fails when any of its nodes does, so with independent nodes the MTBF it sees
     * is the node MTBF divided by the nodes it spans.
     */
    private double interval(Job job, int nodesSpanned) {
        return switch (settings.policy()) {
            case NONE -> Double.POSITIVE_INFINITY;
            case PERIODIC -> settings.intervalMinutes() * 60;
            case YOUNG -> Math.sqrt(2 * job.checkpointCostSeconds * nodeMtbfSeconds / nodesSpanned);
        };
    }

    void startCheckpoint(Job job, String commandId, TickContext ctx) {
        job.checkpoint = new Checkpoint(commandId, ctx.tick, checkpoints.drainSeconds(job.spec.kind()),
                job.spec.memoryPerVmMb());
        job.status = JobStatus.CHECKPOINTING;
    }

    void finishCheckpoint(Job job, TickContext ctx) {
        Checkpoint done = job.checkpoint;
        job.checkpoint = null;
        job.status = JobStatus.RUNNING;
        job.checkpointedSeconds = job.doneSeconds;
        job.lastCheckpointTick = ctx.tick;
        accounting.checkpointsCompleted++;
        if (done.commandId != null) {
            ctx.outcome(done.commandId, CommandKind.CHECKPOINT, job.id(), OutcomeStatus.COMPLETED,
                    String.format(Locale.ROOT, "saved %.0f s of progress", job.checkpointedSeconds));
        }
    }

    /**
     * A failure killed one of the job's VMs: every VM stops (tightly coupled), progress since the
     * last checkpoint is lost, and the job waits in the queue again at its original place.
     *
     * @param failed the node whose failure caused this, so that migrations out of it can be
     *     reported as having lost their VM
     */
    void rollback(Job job, Node failed, TickContext ctx) {
        accounting.lostCoreSeconds += (job.doneSeconds - job.checkpointedSeconds) * job.totalCores();
        accounting.jobsRolledBack++;
        job.doneSeconds = job.checkpointedSeconds;
        if (job.checkpoint != null && job.checkpoint.commandId != null) {
            ctx.outcome(job.checkpoint.commandId, CommandKind.CHECKPOINT, job.id(), OutcomeStatus.FAILED,
                    failed.id + " failed during the checkpoint; the job rolled back to its previous one");
        }
        job.checkpoint = null;
        for (Vm vm : job.vms) {
            if (vm.migration != null) {
                String reason = vm.migration.source == failed
                        ? "source " + failed.id + " failed before the migration completed: VM lost"
                        : "job " + job.id() + " rolled back after " + failed.id + " failed";
                abortMigration(vm.migration, reason, ctx);
            }
        }
        evictAll(job);
        job.stallRemaining = 0;
        job.restartRemaining = 0;
        job.activity = 0;
        job.status = JobStatus.QUEUED;
        job.queuedSince = ctx.startSeconds;
        state.queue.add(job);
    }

    void complete(Job job, TickContext ctx) {
        for (Vm vm : job.vms) {
            if (vm.migration != null) {
                abortMigration(vm.migration, "job " + job.id() + " completed before the migration did", ctx);
            }
        }
        evictAll(job);
        job.status = JobStatus.COMPLETED;
        state.jobs.remove(job.id());
        for (Vm vm : job.vms) {
            state.vmsById.remove(vm.id);
        }
        state.completedJobIds.add(job.id());
        accounting.jobsCompleted++;
    }

    void abortMigration(Migration migration, String reason, TickContext ctx) {
        detach(migration);
        accounting.migrationsFailed++;
        ctx.outcome(migration.commandId, CommandKind.MIGRATE, migration.vm.id, OutcomeStatus.FAILED, reason);
    }

    /** Removes a migration from every index that knows it (it either completed or was aborted). */
    void detach(Migration migration) {
        migration.target.unreserve(migration.vm);
        migration.source.linkUsers--;
        migration.target.linkUsers--;
        migration.vm.migration = null;
        migration.vm.job.activeMigrations--;
        state.migrations.remove(migration);
    }

    private static void evictAll(Job job) {
        List<Vm> placed = new ArrayList<>();
        for (Vm vm : job.vms) {
            if (vm.host != null) {
                placed.add(vm);
            }
        }
        for (Vm vm : placed) {
            vm.host.evict(vm);
        }
    }
}
