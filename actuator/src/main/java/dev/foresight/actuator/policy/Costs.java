package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.CheckpointingSettings;
import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.VmView;

/** First-order estimates of what an operation costs, from what the view shows. */
final class Costs {

    private Costs() {}

    /**
     * Pre-copy live migration: each round resends what the previous one dirtied, so the bytes sent
     * form a geometric series and the whole takes {@code memory / (bandwidth - dirtyRate)}. Infinite
     * when the VM dirties memory as fast as the link sends it: it would never converge.
     */
    static double migrationSeconds(VmView vm, double bandwidthMbPerSec) {
        double dirty = Math.max(0, vm.dirtyRateMbPerSec());
        if (dirty >= bandwidthMbPerSec) {
            return Double.POSITIVE_INFINITY;
        }
        return vm.memoryMb() / (bandwidthMbPerSec - dirty);
    }

    /**
     * The job's own figure when the view carries one; otherwise drain (MPI only) plus one VM's memory
     * written at its share of the shared storage bandwidth.
     */
    static double checkpointSeconds(JobView job, int vmCount, long memoryPerVmMb, CheckpointingSettings settings) {
        if (job != null && job.checkpointCostSeconds() > 0) {
            return job.checkpointCostSeconds();
        }
        int writers = Math.max(1, vmCount);
        double perVm = Math.min(settings.vmWriteMbPerSec(), settings.storageMbPerSec() / writers);
        boolean mpi = job == null ? writers > 1 : job.kind() == JobKind.MPI;
        return (mpi ? settings.drainSeconds() : 0) + Math.max(1, memoryPerVmMb) / perVm;
    }
}
