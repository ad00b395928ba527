package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One telemetry sample of one node: an event time and the metric values measured at that time.
 *
 * <p>The metric vocabulary is open: any name may appear. Non-finite values (NaN, infinities) are
 * treated as "not measured" by {@link FeatureExtractor}, so a broken sensor does not poison the
 * statistics of a window.
 *
 * @param timeMillis event time of the sample, epoch milliseconds
 * @param metrics    metric values by name; copied into an unmodifiable sorted map
 */
public record Sample(long timeMillis, SortedMap<String, Double> metrics) implements Serializable {

    public Sample {
        Objects.requireNonNull(metrics, "metrics");
        TreeMap<String, Double> copy = new TreeMap<>();
        metrics.forEach((name, value) -> copy.put(
                Objects.requireNonNull(name, "metric name"),
                Objects.requireNonNull(value, () -> "value of metric " + name)));
        metrics = Collections.unmodifiableSortedMap(copy);
    }

    /** A sample from any map of metric values. */
    public static Sample of(long timeMillis, Map<String, Double> metrics) {
        return new Sample(timeMillis, new TreeMap<>(metrics));
    }
}
