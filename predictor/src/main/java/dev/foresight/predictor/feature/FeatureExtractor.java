package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

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
 * <p>Stateless and thread-safe.
 */
public final class FeatureExtractor implements Serializable {

    private static final Statistic[] STATISTICS = Statistic.values();

    private final FeatureSpec spec;

    public FeatureExtractor(FeatureSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
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
        SortedSet<String> vocabulary = spec.openVocabulary()
                ? presentMetrics(samples, windowStart(spec.longestWindow(), windowEndMillis), last)
                : spec.metrics();

        Map<String, Integer> metricIndex = new HashMap<>();
        String[] metrics = vocabulary.toArray(String[]::new);
        for (int m = 0; m < metrics.length; m++) {
            metricIndex.put(metrics[m], m);
        }

        TreeMap<String, Double> features = new TreeMap<>();
        Series[] series = new Series[metrics.length];
        for (int m = 0; m < metrics.length; m++) {
            series[m] = new Series(Math.max(0, last + 1));
        }
        double[] stats = new double[STATISTICS.length];
        for (Duration window : spec.windows()) {
            for (Series s : series) {
                s.clear();
            }
            long start = windowStart(window, windowEndMillis);
            for (int i = first(samples, start, last); i <= last; i++) {
                Sample sample = samples.get(i);
                for (Map.Entry<String, Double> metric : sample.metrics().entrySet()) {
                    Integer m = metricIndex.get(metric.getKey());
                    double value = metric.getValue();
                    if (m != null && Double.isFinite(value)) {
                        series[m].add(sample.timeMillis(), value);
                    }
                }
            }
            for (int m = 0; m < metrics.length; m++) {
                if (series[m].size > 0) {
                    MetricSummary.summarise(series[m].times, series[m].values, series[m].size, windowEndMillis, stats);
                } else {
                    Arrays.fill(stats, Double.NaN);
                }
                boolean counter = FeatureSpec.isCounter(metrics[m]);
                for (Statistic statistic : STATISTICS) {
                    if (counter || !statistic.counterOnly()) {
                        features.put(FeatureSpec.featureName(window, metrics[m], statistic), stats[statistic.ordinal()]);
                    }
                }
            }
        }
        return new Features(List.copyOf(features.keySet()),
                features.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The feature names this extractor emits for a given vocabulary, in {@link Features} order.
     * Useful to build a {@link FeatureSchema} up front from a declared metric list.
     */
    public List<String> featureNames(Collection<String> metrics) {
        TreeSet<String> names = new TreeSet<>();
        for (Duration window : spec.windows()) {
            for (String metric : metrics) {
                for (Statistic statistic : STATISTICS) {
                    if (FeatureSpec.isCounter(metric) || !statistic.counterOnly()) {
                        names.add(FeatureSpec.featureName(window, metric, statistic));
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static long windowStart(Duration window, long windowEndMillis) {
        return windowEndMillis - window.toMillis();
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

    /** Index of the first sample strictly after {@code start}, searching back from {@code last}. */
    private static int first(List<Sample> samples, long start, int last) {
        int i = last;
        while (i >= 0 && samples.get(i).timeMillis() > start) {
            i--;
        }
        return i + 1;
    }

    private static SortedSet<String> presentMetrics(List<Sample> samples, long start, int last) {
        TreeSet<String> present = new TreeSet<>();
        for (int i = first(samples, start, last); i <= last; i++) {
            samples.get(i).metrics().forEach((name, value) -> {
                if (Double.isFinite(value)) {
                    present.add(name);
                }
            });
        }
        return present;
    }

    /** Reusable (time, value) buffer of one metric within one window. */
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

        void clear() {
            size = 0;
        }
    }
}
