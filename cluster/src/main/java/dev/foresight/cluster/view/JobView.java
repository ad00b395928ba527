package dev.foresight.cluster.view;

import java.util.List;

/**
 * Read-only snapshot of a job.
 *
 * @param lastCheckpointTick tick at which the last checkpoint completed, -1 if none yet
 * @param checkpointCostSeconds uncontended duration of one coordinated checkpoint (drain + snapshot)
 * @param remainingWorkSeconds compute time still needed at full speed, counted from the current
 *     progress (not from the last checkpoint)
 */
public record JobView(
        String jobId,
        JobKind kind,
        int priority,
        JobStatus status,
        int vmCount,
        int coresPerVm,
        long memoryPerVmMb,
        boolean passthrough,
        List<String> vmIds,
        long submitTick,
        long lastCheckpointTick,
        double checkpointCostSeconds,
        double remainingWorkSeconds) {

    public JobView {
        vmIds = List.copyOf(vmIds);
    }
}
