package dev.foresight.producers.dataset;

/**
 * How a dataset was sampled, as weights that undo it: each example of a node counts this many times
 * when precision, base rates and false-alarm rates are measured. The shared Backblaze slice keeps every
 * failed drive but one healthy drive in five, so healthy drives weigh 5 and failed drives 1.
 *
 * @param healthyNodeWeight weight of every example of a node that never fails in the data
 * @param failedNodeWeight  weight of every example of a node that fails in the data
 */
public record SamplingWeights(double healthyNodeWeight, double failedNodeWeight) {

    public SamplingWeights {
        positiveFinite("healthyNodeWeight", healthyNodeWeight);
        positiveFinite("failedNodeWeight", failedNodeWeight);
    }

    /** Unsampled data: every example counts once. */
    public static SamplingWeights none() {
        return new SamplingWeights(1, 1);
    }

    /** The weight of a node's examples. */
    public double forNode(boolean failsInData) {
        return failsInData ? failedNodeWeight : healthyNodeWeight;
    }

    public boolean unweighted() {
        return healthyNodeWeight == 1 && failedNodeWeight == 1;
    }

    private static void positiveFinite(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
