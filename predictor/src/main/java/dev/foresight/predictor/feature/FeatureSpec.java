package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What {@link FeatureExtractor} computes: the trailing windows and the metric vocabulary.
 *
 * <p><b>Vocabulary.</b> With an empty {@code metrics} set the vocabulary is <em>open</em>: a
 * feature vector covers exactly the metrics present in the longest window, so two nodes (or two
 * moments) may produce different name lists, and a model's column order is fixed separately by a
 * {@link FeatureSchema}. With a declared set, every vector has the same names, in the same order,
 * and a declared metric absent from a window yields NaN features; this is the simpler choice for a
 * streaming shell and the recommended one when the telemetry source is known.
 *
 * <p><b>Baselines and node life.</b> {@code baselines} turns load-driven readings into residuals and hides the load
 * itself ({@link LoadBaselines}); with {@code nodeLife} every vector also carries the {@link NodeLife} features.
 *
 * @param windows   trailing window lengths, each a whole number of seconds; stored sorted and distinct
 * @param metrics   declared metric names, or empty for an open vocabulary (with baselines: the names the features
 *                  see, residuals included)
 * @param baselines which readings are seen as residuals against the node's load, which not at all
 * @param nodeLife  whether vectors carry the node's failures in 30 days and hours since its last boot and repair
 */
public record FeatureSpec(List<Duration> windows, SortedSet<String> metrics, LoadBaselines baselines, boolean nodeLife)
        implements Serializable {

    /** Metric names ending with this suffix are counters and also get {@link Statistic#DELTA} and {@link Statistic#RATE}. */
    public static final String COUNTER_SUFFIX = "_total";

    public FeatureSpec {
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(metrics, "metrics");
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is required");
        }
        TreeSet<Duration> sorted = new TreeSet<>();
        for (Duration window : windows) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero() || window.getNano() != 0) {
                throw new IllegalArgumentException("a window must be a positive whole number of seconds: " + window);
            }
            sorted.add(window);
        }
        windows = List.copyOf(sorted);
        metrics = Collections.unmodifiableSortedSet(new TreeSet<>(metrics));
        Objects.requireNonNull(baselines, "baselines");
    }

    /** Plain statistics of every reading, no node life: the features of imported datasets and of earlier versions. */
    public FeatureSpec(List<Duration> windows, SortedSet<String> metrics) {
        this(windows, metrics, LoadBaselines.none(), false);
    }

    /** Windows of 10, 30 and 120 minutes over an open vocabulary, plain statistics. */
    public static FeatureSpec defaults() {
        return new FeatureSpec(
                List.of(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(120)),
                new TreeSet<>());
    }

    /**
     * For host telemetry (the simulator's and the host agent's vocabulary): the default windows over an open
     * vocabulary, residuals against the load ({@link LoadBaselines#hostDefaults()}) and the node's life.
     */
    public static FeatureSpec hostDefaults() {
        return defaults().withBaselines(LoadBaselines.hostDefaults()).withNodeLife(true);
    }

    /** The same windows over a declared vocabulary. */
    public FeatureSpec withMetrics(SortedSet<String> declared) {
        return new FeatureSpec(windows, declared, baselines, nodeLife);
    }

    /** The given windows over the same vocabulary. */
    public FeatureSpec withWindows(List<Duration> newWindows) {
        return new FeatureSpec(newWindows, metrics, baselines, nodeLife);
    }

    public FeatureSpec withBaselines(LoadBaselines newBaselines) {
        return new FeatureSpec(windows, metrics, newBaselines, nodeLife);
    }

    public FeatureSpec withNodeLife(boolean on) {
        return new FeatureSpec(windows, metrics, baselines, on);
    }

    /** Whether the vocabulary is open (no declared metrics). */
    public boolean openVocabulary() {
        return metrics.isEmpty();
    }

    /** The longest window: how much history a {@link SlidingWindow} must keep. */
    public Duration longestWindow() {
        return windows.get(windows.size() - 1);
    }

    /** Whether a metric is a counter (name ends with {@value #COUNTER_SUFFIX}). */
    public static boolean isCounter(String metric) {
        return metric.endsWith(COUNTER_SUFFIX);
    }

    /**
     * The name prefix of a window: minutes when the window is a whole number of minutes
     * ({@code w10m}, {@code w120m}), seconds otherwise ({@code w45s}). One unit per case keeps
     * names stable whatever the list of windows.
     */
    public static String windowLabel(Duration window) {
        long seconds = window.getSeconds();
        return seconds % 60 == 0 ? "w" + (seconds / 60) + "m" : "w" + seconds + "s";
    }

    /** The full feature name for a window, metric and statistic, e.g. {@code w30m.temp_cpu_c.mean}. */
    public static String featureName(Duration window, String metric, Statistic statistic) {
        return windowLabel(window) + "." + metric + "." + statistic.label();
    }
}
