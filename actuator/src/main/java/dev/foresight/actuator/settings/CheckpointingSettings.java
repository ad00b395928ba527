package dev.foresight.actuator.settings;

/**
 * Prediction-aware checkpointing.
 *
 * @param nodeMtbfHours prior mean time between failures of one node; failures the actuator observes
 *     refine it
 * @param mtbfPriorFailures how many failures' worth of evidence the prior is worth
 * @param priorRecall recall assumed for an active model before failures have been observed
 * @param recallPriorFailures how many failures' worth of evidence the prior recall is worth
 * @param maxTrustedRecall recall is capped here: the interval grows as {@code 1/sqrt(1 - r)}, so a
 *     recall measured at 1.0 on a few failures must not stop checkpoints altogether
 * @param recallWindowTicks a failure counts as predicted when its node alarmed within this many ticks
 *     before it (the predictor's horizon)
 * @param drainSeconds MPI drain time, to estimate a checkpoint's cost when the view does not carry it
 * @param vmWriteMbPerSec one VM's snapshot write rate, for the same estimate
 * @param storageMbPerSec shared storage bandwidth, for the same estimate
 */
public record CheckpointingSettings(
        double nodeMtbfHours,
        double mtbfPriorFailures,
        double priorRecall,
        double recallPriorFailures,
        double maxTrustedRecall,
        int recallWindowTicks,
        double drainSeconds,
        double vmWriteMbPerSec,
        double storageMbPerSec) {

    public CheckpointingSettings {
        Checks.positive("checkpointing.nodeMtbfHours", nodeMtbfHours);
        Checks.positive("checkpointing.mtbfPriorFailures", mtbfPriorFailures);
        Checks.probability("checkpointing.priorRecall", priorRecall);
        Checks.positive("checkpointing.recallPriorFailures", recallPriorFailures);
        Checks.probability("checkpointing.maxTrustedRecall", maxTrustedRecall);
        if (maxTrustedRecall >= 1) {
            throw new IllegalArgumentException("checkpointing.maxTrustedRecall must be < 1, got " + maxTrustedRecall);
        }
        Checks.atLeast("checkpointing.recallWindowTicks", recallWindowTicks, 1);
        Checks.nonNegative("checkpointing.drainSeconds", drainSeconds);
        Checks.positive("checkpointing.vmWriteMbPerSec", vmWriteMbPerSec);
        Checks.positive("checkpointing.storageMbPerSec", storageMbPerSec);
    }

    /** Priors match the cluster model's defaults (Weibull shape 0.7, scale 1100 h: mean about 1400 h). */
    public static CheckpointingSettings defaults() {
        return new CheckpointingSettings(1400, 1, 0.0, 4, 0.9, 120, 5, 500, 10_000);
    }
}
