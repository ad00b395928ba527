package dev.foresight.predictor;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A labelled feature window: the unit of training, calibration and evaluation.
 *
 * @param nodeId         the node the window belongs to
 * @param timeMillis     end of the feature window (event time)
 * @param features       feature values in the layout of the predictor's {@link dev.foresight.predictor.feature.FeatureSchema}; copied
 * @param failed         whether the node failed within the horizon after the window
 * @param leadTimeMillis for positives: failure time minus window end, when known; always null for negatives
 * @param weight         sampling weight, finite and non-negative: evaluation and calibration count
 *                       the example this many times (e.g. 5 for healthy windows kept one in five);
 *                       training does not use it (class balance is an option of the fit)
 */
public record Example(String nodeId, long timeMillis, double[] features, boolean failed, Long leadTimeMillis,
                      double weight) implements Serializable {

    public Example {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(features, "features");
        features = features.clone();
        if (!failed && leadTimeMillis != null) {
            throw new IllegalArgumentException("a negative example has no lead time: " + leadTimeMillis);
        }
        if (leadTimeMillis != null && leadTimeMillis <= 0) {
            throw new IllegalArgumentException("lead time must be positive: " + leadTimeMillis);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and non-negative: " + weight);
        }
    }

    /** A window followed by a failure after {@code leadTimeMillis}, weight 1. */
    public static Example positive(String nodeId, long timeMillis, double[] features, long leadTimeMillis) {
        return new Example(nodeId, timeMillis, features, true, leadTimeMillis, 1.0);
    }

    /** A window followed by no failure within the horizon, weight 1. */
    public static Example negative(String nodeId, long timeMillis, double[] features) {
        return new Example(nodeId, timeMillis, features, false, null, 1.0);
    }

    /** This example with another weight. */
    public Example withWeight(double newWeight) {
        return new Example(nodeId, timeMillis, features, failed, leadTimeMillis, newWeight);
    }

    /** A copy of the feature values. */
    @Override
    public double[] features() {
        return features.clone();
    }

    /** The number of features, without copying them. */
    public int featureCount() {
        return features.length;
    }

    /** One feature value, without copying the vector. */
    public double feature(int index) {
        return features[index];
    }

    /** Failure time (window end plus lead time), when known. */
    public Long failureTimeMillis() {
        return leadTimeMillis == null ? null : timeMillis + leadTimeMillis;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Example other
                && nodeId.equals(other.nodeId)
                && timeMillis == other.timeMillis
                && Arrays.equals(features, other.features)
                && failed == other.failed
                && Objects.equals(leadTimeMillis, other.leadTimeMillis)
                && Double.compare(weight, other.weight) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, timeMillis, Arrays.hashCode(features), failed, leadTimeMillis, weight);
    }

    @Override
    public String toString() {
        return "Example[" + nodeId + " @" + timeMillis + (failed ? " failed" : " healthy")
                + (leadTimeMillis == null ? "" : " lead=" + leadTimeMillis + "ms")
                + " w=" + weight + " " + Arrays.toString(features) + "]";
    }
}
