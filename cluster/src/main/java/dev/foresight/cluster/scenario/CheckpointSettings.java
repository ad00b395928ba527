package dev.foresight.cluster.scenario;

/**
 * Coordinated checkpoints: drain in-flight MPI messages, then every VM writes its memory to shared
 * storage. Each writing VM gets {@code min(vmWriteMbPerSec, storageBandwidthMbPerSec / writers)}.
 *
 * @param intervalMinutes compute time between checkpoints for {@link CheckpointPolicy#PERIODIC}
 * @param drainSeconds time to quiesce an MPI job before its snapshot (throughput jobs skip it)
 * @param restartCostFactor a job restarted after a failure first reads its snapshot back; this
 *     factor times its checkpoint cost is that restore time (0 makes restarts free, as the
 *     first-order Young/Daly formula assumes)
 */
public record CheckpointSettings(
        CheckpointPolicy policy,
        double intervalMinutes,
        double drainSeconds,
        double storageBandwidthMbPerSec,
        double vmWriteMbPerSec,
        double restartCostFactor) {

    public static CheckpointSettings defaults() {
        return new CheckpointSettings(CheckpointPolicy.YOUNG, 60, 5, 10_000, 500, 1.0);
    }

    public void validate(String path, Violations v) {
        v.notNull(path + ".policy", policy);
        v.positive(path + ".intervalMinutes", intervalMinutes);
        v.nonNegative(path + ".drainSeconds", drainSeconds);
        v.positive(path + ".storageBandwidthMbPerSec", storageBandwidthMbPerSec);
        v.positive(path + ".vmWriteMbPerSec", vmWriteMbPerSec);
        v.nonNegative(path + ".restartCostFactor", restartCostFactor);
    }
}
