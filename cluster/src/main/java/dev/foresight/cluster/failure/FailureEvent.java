package dev.foresight.cluster.failure;

/**
 * One failure of one node, fully determined before the simulation reaches it.
 *
 * @param failAtSeconds      simulated seconds since the scenario start
 * @param repairSeconds      how long the node is down
 * @param failureClass       what breaks
 * @param announced          whether precursors show during {@code degradationSeconds} before the failure
 * @param degradationSeconds length of the degradation period (drawn for sudden failures too, so that every event
 *                           consumes the same draws, but unused for them)
 */
public record FailureEvent(
        int nodeIndex,
        double failAtSeconds,
        double repairSeconds,
        FailureClass failureClass,
        boolean announced,
        double degradationSeconds) {

    /** When precursors start; the failure time itself for a sudden failure. */
    public double degradationStartSeconds() {
        return announced ? failAtSeconds - degradationSeconds : failAtSeconds;
    }

    public double repairedAtSeconds() {
        return failAtSeconds + repairSeconds;
    }

    /**
     * Precursor strength at time t, 0 outside the degradation period, rising quadratically to 1: weak at first and
     * unmistakable only near the end, as error rates that escalate rather than step.
     */
    public double severityAt(double t) {
        if (!announced || t < degradationStartSeconds() || t >= failAtSeconds) {
            return 0;
        }
        double x = (t - degradationStartSeconds()) / degradationSeconds;
        return x * x;
    }

    /** The same failure with a degradation no longer than {@code maxSeconds} (a repaired node starts clean). */
    FailureEvent withDegradationAtMost(double maxSeconds) {
        return degradationSeconds <= maxSeconds ? this
                : new FailureEvent(nodeIndex, failAtSeconds, repairSeconds, failureClass, announced, Math.max(0, maxSeconds));
    }
}
