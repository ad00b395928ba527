package dev.foresight.cluster.failure;

/**
 * One hardware failure of one node, fully determined before the simulation reaches it.
 *
 * @param failAtSeconds simulated seconds since the scenario start
 * @param repairSeconds how long the node is down
 * @param predictable whether precursors show during {@code degradationSeconds} before the failure
 * @param degradationSeconds length of the degradation period (drawn for sudden failures too, so that
 *     every event consumes the same draws, but unused for them)
 * @param signature which sensors the precursors affect
 */
public record FailureEvent(
        int nodeIndex,
        double failAtSeconds,
        double repairSeconds,
        boolean predictable,
        double degradationSeconds,
        PrecursorSignature signature) {

    /** When precursors start; the failure time itself for a sudden failure. */
    public double degradationStartSeconds() {
        return predictable ? failAtSeconds - degradationSeconds : failAtSeconds;
    }

    public double repairedAtSeconds() {
        return failAtSeconds + repairSeconds;
    }

    /** Precursor strength at time t, 0 outside the degradation period, rising quadratically to 1. */
    public double severityAt(double t) {
        if (!predictable || t < degradationStartSeconds() || t >= failAtSeconds) {
            return 0;
        }
        double x = (t - degradationStartSeconds()) / degradationSeconds;
        return x * x;
    }
}
