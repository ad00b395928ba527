package dev.foresight.cluster.cost;

import dev.foresight.cluster.view.JobKind;

/** What a coordinated checkpoint of a job costs. */
public interface CheckpointCostModel {

    /** Time to quiesce the job before its snapshot. */
    double drainSeconds(JobKind kind);

    /** Write rate of each VM when {@code writers} VMs (all jobs together) write snapshots at once. */
    double vmWriteRateMbPerSec(int writers);

    /** Duration of a checkpoint of this job when it writes alone: the C of Young's formula. */
    default double uncontendedSeconds(JobKind kind, int vmCount, long memoryPerVmMb) {
        return drainSeconds(kind) + memoryPerVmMb / vmWriteRateMbPerSec(vmCount);
    }

    /** Time to read the last snapshot back when the job restarts after a failure. */
    double restartSeconds(JobKind kind, int vmCount, long memoryPerVmMb);
}
