package dev.foresight.actuator.policy;

/**
 * What the actuator has learnt about failures so far.
 *
 * @param nodeMtbfSeconds mean time between failures of one node (prior refined by observed failures)
 * @param recall share of failures that an alarm preceded (prior refined by observed failures)
 * @param failuresObserved failures behind both estimates
 */
public record ReliabilityEstimate(double nodeMtbfSeconds, double recall, long failuresObserved) {

    public ReliabilityEstimate {
        if (!(nodeMtbfSeconds > 0)) {
            throw new IllegalArgumentException("nodeMtbfSeconds must be > 0, got " + nodeMtbfSeconds);
        }
        if (!(recall >= 0 && recall <= 1)) {
            throw new IllegalArgumentException("recall must be within [0, 1], got " + recall);
        }
    }
}
