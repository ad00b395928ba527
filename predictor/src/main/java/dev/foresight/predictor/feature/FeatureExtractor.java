package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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
 * <p>This runs once per telemetry record in the streaming pipeline, so it reads the samples as
 * primitive columns ({@link SlidingWindow} keeps them up to date), reads each value once (the windows
 * share one end, so each shorter window is a suffix of the longest) and reuses the sorted name layout
 * while the vocabulary does not change.
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
    private transient volatile String[] declaredMetrics;

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
        return extract(SampleColumns.of(samples), windowEndMillis, null, null);
    }

    /**
     * The features of the window's samples over the windows ending at {@code windowEndMillis}: the streaming
     * path, reading the columns the window keeps up to date instead of every sample's map.
     */
    public Features extract(SlidingWindow window, long windowEndMillis) {
        return extract(window.columns(), windowEndMillis, null, null);
    }

    /**
     * The streaming path with the node's state: its load baselines (learnt from the samples its window let go) and
     * its life from node events. Either may be null: residuals, respectively node-life features, are then missing.
     */
    public Features extract(SlidingWindow window, long windowEndMillis, NodeBaselines baselines, NodeLife life) {
        return extract(window.columns(), windowEndMillis, baselines, life);
    }

    private Features extract(SampleColumns raw, long windowEndMillis, NodeBaselines baselines, NodeLife life) {
        int to = raw.firstAfter(windowEndMillis);
        int from = raw.firstAfter(windowEndMillis - windowMillis[windowMillis.length - 1]);
        Columns columns = spec.baselines().isEmpty() ? raw
                : new BaselinedColumns(raw, baselines != null ? baselines : new NodeBaselines(spec.baselines()), from, to);
        long[] times = columns.times();
        String[] metrics = spec.openVocabulary() ? presentMetrics(columns, from, to) : vocabulary();
        FeatureLayout current = layoutFor(metrics);

        double[] values = new double[current.names().size()];
        double[] stats = new double[STATISTICS.length];
        long[] pointTimes = new long[Math.max(0, to - from)];
        double[] pointHours = new double[pointTimes.length];
        double[] pointValues = new double[pointTimes.length];
        for (int m = 0; m < current.metricCount(); m++) {
            double[] column = columns.column(current.metric(m));
            // the metric's finite points within the longest window, oldest first
            int points = 0;
            for (int i = from; column != null && i < to; i++) {
                if (Double.isFinite(column[i])) {
                    pointTimes[points] = times[i];
                    pointHours[points] = MetricSummary.hoursBefore(times[i], windowEndMillis);
                    pointValues[points] = column[i];
                    points++;
                }
            }
            for (int w = 0; w < windowMillis.length; w++) {
                int first = firstAfter(pointTimes, points, windowEndMillis - windowMillis[w]);
                int count = points - first;
                if (count > 0) {
                    MetricSummary.summarise(pointTimes, pointHours, pointValues, first, count, stats);
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
        if (spec.nodeLife()) {
            double[] point = life != null ? life.featuresAt(windowEndMillis) : null;
            for (int i = 0; i < NodeLife.FEATURE_NAMES.size(); i++) {
                values[current.pointPosition(i)] = point != null ? point[i] : Double.NaN;
            }
        }
        return new Features(current.names(), values);
    }

    /**
     * The feature names this extractor emits for a given vocabulary, in {@link Features} order.
     * Useful to build a {@link FeatureSchema} up front from a declared metric list.
     */
    public List<String> featureNames(Collection<String> metrics) {
        return FeatureLayout.of(metrics.stream().distinct().sorted().toArray(String[]::new), spec.windows(), points()).names();
    }

    /** The metrics with at least one finite value in the slots {@code [from, to)}, sorted. */
    private static String[] presentMetrics(Columns columns, int from, int to) {
        String[] all = columns.metrics();
        String[] present = new String[all.length];
        int count = 0;
        for (String metric : all) {
            if (columns instanceof BaselinedColumns baselined && baselined.alwaysPresent(metric)) {
                present[count++] = metric;
                continue;
            }
            double[] column = columns.column(metric);
            for (int i = from; i < to; i++) {
                if (Double.isFinite(column[i])) {
                    present[count++] = metric;
                    break;
                }
            }
        }
        return count == all.length ? all : Arrays.copyOf(present, count);
    }

    private String[] vocabulary() {
        String[] declared = declaredMetrics;
        if (declared == null) {
            declared = spec.metrics().toArray(String[]::new);
            declaredMetrics = declared;
        }
        return declared;
    }

    private FeatureLayout layoutFor(String[] metrics) {
        FeatureLayout cached = layout;
        if (cached != null && cached.covers(metrics, points())) {
            return cached;
        }
        FeatureLayout fresh = FeatureLayout.of(metrics, spec.windows(), points());
        layout = fresh;
        return fresh;
    }

    private List<String> points() {
        return spec.nodeLife() ? NodeLife.FEATURE_NAMES : List.of();
    }

    /** Index of the first of {@code size} ascending times strictly after {@code start} (size if none). */
    private static int firstAfter(long[] times, int size, long start) {
        int i = size;
        while (i > 0 && times[i - 1] > start) {
            i--;
        }
        return i;
    }
}
