package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a node's features over its trailing windows.
 *
 * <p>A window of length w ending at {@code end} holds the samples with
 * {@code end - w < time <= end}. For each window and each metric of the vocabulary (see
 * {@link FeatureSpec}) it emits last, mean, std, min, max and slope, plus delta and rate for
 * counters; see {@link Statistic} for the exact definitions. A metric with no finite value in a
 * window gets NaN for every statistic of that window. Samples after {@code end} are ignored, so
 * the same buffer can be summarised at any past instant.
 *
 * <p>This runs once per telemetry record in the streaming pipeline, so it reads each sample
 * once (the windows share one end, so each shorter window is a suffix of the longest) and reuses
 * the sorted name layout while the vocabulary does not change.
 *
 * <p>Thread-safe.
 */
public final class FeatureExtractor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Statistic[] STATISTICS = Statistic.values();

    private final FeatureSpec spec;
    private final long[] windowMillis;
    /** The layout of the most recent vocabulary; immutable, replaced when the vocabulary changes. */
    private transient volatile FeatureLayout layout;

    public FeatureExtractor(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.windowMillis = spec.windows().stream().mapToLong(Duration::toMillis).toArray();
    }

    public FeatureSpec spec() {
        return spec;
    }

    /**
     * The features of the windows ending at {@code windowEndMillis}.
     *
     * @param samples one node's samples in non-decreasing time order (as {@link SlidingWindow#samples()} returns them)
     * @throws IllegalArgumentException if the samples are out of order
     */
    public Features extract(List<Sample> samples, long windowEndMillis) {
        int last = lastIndexAtOrBefore(samples, windowEndMillis);
        long longestStart = windowEndMillis - windowMillis[windowMillis.length - 1];
        int first = last + 1;
        while (first > 0 && samples.get(first - 1).timeMillis() > longestStart) {
            first--;
        }

        Map<String, Series> byMetric = collect(samples, first, last);
        FeatureLayout current = layoutFor(byMetric);
        double[] values = new double[current.names().size()];
        double[] stats = new double[STATISTICS.length];
        for (int m = 0; m < current.metricCount(); m++) {
            Series series = byMetric.get(current.metric(m));
            for (int w = 0; w < windowMillis.length; w++) {
                int from = series == null ? 0 : series.firstAfter(windowEndMillis - windowMillis[w]);
                int count = series == null ? 0 : series.size - from;
                if (count > 0) {
                    MetricSummary.summarise(series.times, series.values, from, count, windowEndMillis, stats);
                } else {
                    Arrays.fill(stats, Double.NaN);
                }
                int[] positions = current.positions(m, w);
                for (int s = 0; s < STATISTICS.length; s++) {
                    if (positions[s] >= 0) {
                        values[positions[s]] = stats[s];
                    }
                }
            }
        }
        return new Features(current.names(), values);
    }

    /**
     * The feature names this extractor emits for a given vocabulary, in {@link Features} order.
     * Useful to build a {@link FeatureSchema} up front from a declared metric list.
     */
    public List<String> featureNames(Collection<String> metrics) {
        return FeatureLayout.of(metrics.stream().distinct().sorted().toArray(String[]::new), spec.windows()).names();
    }

    /** Each vocabulary metric's finite (time, value) points within the longest window, in time order. */
    private Map<String, Series> collect(List<Sample> samples, int first, int last) {
        Map<String, Series> byMetric = new HashMap<>();
        int capacity = last - first + 1;
        boolean open = spec.openVocabulary();
        for (int i = first; i <= last; i++) {
            Sample sample = samples.get(i);
            for (Map.Entry<String, Double> metric : sample.metrics().entrySet()) {
                double value = metric.getValue();
                if (Double.isFinite(value) && (open || spec.metrics().contains(metric.getKey()))) {
                    byMetric.computeIfAbsent(metric.getKey(), name -> new Series(capacity))
                            .add(sample.timeMillis(), value);
                }
            }
        }
        return byMetric;
    }

    private FeatureLayout layoutFor(Map<String, Series> byMetric) {
        String[] metrics = spec.openVocabulary()
                ? byMetric.keySet().stream().sorted().toArray(String[]::new)
                : spec.metrics().toArray(String[]::new);
        FeatureLayout cached = layout;
        if (cached != null && cached.covers(metrics)) {
            return cached;
        }
        FeatureLayout fresh = FeatureLayout.of(metrics, spec.windows());
        layout = fresh;
        return fresh;
    }

    /** Index of the newest sample at or before the end; -1 if none. Also checks the ordering. */
    private static int lastIndexAtOrBefore(List<Sample> samples, long windowEndMillis) {
        int last = -1;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < samples.size(); i++) {
            long time = samples.get(i).timeMillis();
            if (time < previous) {
                throw new IllegalArgumentException("samples out of time order at index " + i
                        + ": " + time + " after " + previous);
            }
            previous = time;
            if (time <= windowEndMillis) {
                last = i;
            }
        }
        return last;
    }

    /** One metric's points within the longest window. */
    private static final class Series {
        final long[] times;
        final double[] values;
        int size;

        Series(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
        }

        void add(long time, double value) {
            times[size] = time;
            values[size] = value;
            size++;
        }

        /** Index of the first point strictly after {@code start} (size if none). */
        int firstAfter(long start) {
            int i = size;
            while (i > 0 && times[i - 1] > start) {
                i--;
            }
            return i;
        }
    }
}
