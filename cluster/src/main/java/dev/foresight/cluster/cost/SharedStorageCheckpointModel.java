package dev.foresight.cluster.cost;

import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.cluster.view.JobKind;

/**
 * Snapshots go to shared storage: each VM writes at most its own link rate, and all writing VMs share
 * the storage's aggregate bandwidth fairly. Only MPI jobs drain (throughput jobs have no messages in
 * flight).
 */
public final class SharedStorageCheckpointModel implements CheckpointCostModel {

    private final CheckpointSettings settings;

    public SharedStorageCheckpointModel(CheckpointSettings settings) {
        this.settings = settings;
    }

    @Override
    public double drainSeconds(JobKind kind) {
        return kind == JobKind.MPI ? settings.drainSeconds() : 0;
    }

    @Override
    public double vmWriteRateMbPerSec(int writers) {
        return Math.min(settings.vmWriteMbPerSec(), settings.storageBandwidthMbPerSec() / Math.max(1, writers));
    }

    @Override
    public double restartSeconds(JobKind kind, int vmCount, long memoryPerVmMb) {
        return settings.restartCostFactor() * uncontendedSeconds(kind, vmCount, memoryPerVmMb);
    }
}
