package dev.foresight.cluster.engine;

import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.workload.JobSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A job and its progress. Progress is compute time at full speed; a checkpoint saves the progress
 * reached when it started (the VMs are paused while it runs), and a failure rolls progress back to
 * the last saved value.
 */
final class Job {

    final JobSpec spec;
    final long submitTick;
    /** FCFS order among equal priorities; a requeued job keeps its place. */
    final long submitSequence;
    final List<Vm> vms = new ArrayList<>();
    /** Uncontended checkpoint duration: the C of Young's formula. */
    final double checkpointCostSeconds;

    JobStatus status = JobStatus.QUEUED;
    double doneSeconds;
    double checkpointedSeconds;
    long lastCheckpointTick = -1;
    /** Compute between periodic checkpoints; infinite when the policy is NONE. */
    double intervalSeconds = Double.POSITIVE_INFINITY;
    double restartRemaining;
    double stallRemaining;
    Checkpoint checkpoint;
    int activeMigrations;
    /** Simulated time since which the job waits in the queue. */
    double queuedSince;
    /** Share of this tick the VMs computed (1) or sat in I/O or paused (less), for telemetry and power. */
    double activity;

    Job(JobSpec spec, long submitTick, long submitSequence, double checkpointCostSeconds) {
        this.spec = spec;
        this.submitTick = submitTick;
        this.submitSequence = submitSequence;
        this.checkpointCostSeconds = checkpointCostSeconds;
        for (int i = 0; i < spec.vmCount(); i++) {
            vms.add(new Vm(spec.vmId(i), this));
        }
    }

    String id() {
        return spec.jobId();
    }

    int totalCores() {
        return spec.totalCores();
    }

    boolean placed() {
        return status == JobStatus.RUNNING || status == JobStatus.CHECKPOINTING;
    }

    double remainingWorkSeconds() {
        return spec.workSeconds() - doneSeconds;
    }

    /** Time until the job would end if nothing else happened: the scheduler's runtime estimate. */
    double estimatedRemainingSeconds(double checkpointWriteRate) {
        double checkpointLeft = 0;
        if (checkpoint != null) {
            checkpointLeft = checkpoint.drainRemaining + checkpoint.remainingMbPerVm / checkpointWriteRate;
        }
        return remainingWorkSeconds() + restartRemaining + stallRemaining + checkpointLeft;
    }
}
