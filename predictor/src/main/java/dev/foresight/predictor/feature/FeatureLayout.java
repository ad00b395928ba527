package dev.foresight.predictor.feature;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Where each (metric, window, statistic) goes in a sorted feature vector, for one vocabulary.
 * Feature names sort as plain strings, which does not always follow metric order (a metric
 * named {@code a.b} sorts between the statistics of {@code a}), so positions come from sorting
 * the actual names once per vocabulary.
 * Immutable once built.
 */
final class FeatureLayout {

    /** The vocabulary, sorted. */
    private final String[] metrics;
    /** Features that are one value per vector rather than statistics of a window (e.g. {@link NodeLife}'s). */
    private final List<String> pointNames;
    private final int[] pointPositions;
    /** Every feature name, sorted. */
    private final List<String> names;
    /** Per metric, window and statistic ordinal: index in {@code names}, or -1 where the statistic does not apply. */
    private final int[][][] positions;

    private FeatureLayout(String[] metrics, List<String> pointNames, List<String> names, int[][][] positions) {
        this.metrics = metrics;
        this.pointNames = pointNames;
        this.names = names;
        this.positions = positions;
        this.pointPositions = pointNames.stream().mapToInt(n -> java.util.Collections.binarySearch(names, n)).toArray();
    }

    static FeatureLayout of(String[] metrics, List<Duration> windows) {
        return of(metrics, windows, List.of());
    }

    static FeatureLayout of(String[] metrics, List<Duration> windows, List<String> pointNames) {
        Statistic[] statistics = Statistic.values();
        TreeMap<String, int[]> slots = new TreeMap<>();
        for (int m = 0; m < metrics.length; m++) {
            boolean counter = FeatureSpec.isCounter(metrics[m]);
            for (int w = 0; w < windows.size(); w++) {
                for (Statistic statistic : statistics) {
                    if (statistic.appliesTo(counter)) {
                        slots.put(FeatureSpec.featureName(windows.get(w), metrics[m], statistic),
                                new int[] {m, w, statistic.ordinal()});
                    }
                }
            }
        }
        int[][][] positions = new int[metrics.length][windows.size()][statistics.length];
        for (int[][] perMetric : positions) {
            for (int[] perWindow : perMetric) {
                Arrays.fill(perWindow, -1);
            }
        }
        for (String point : pointNames) {
            if (slots.put(point, null) != null) {
                throw new IllegalArgumentException("a point feature clashes with a window statistic: " + point);
            }
        }
        int index = 0;
        for (int[] slot : slots.values()) {
            if (slot != null) {
                positions[slot[0]][slot[1]][slot[2]] = index;
            }
            index++;
        }
        return new FeatureLayout(metrics.clone(), List.copyOf(pointNames), List.copyOf(slots.keySet()), positions);
    }

    /** Whether this layout is for exactly this vocabulary and these point features. */
    boolean covers(String[] vocabulary, List<String> points) {
        return Arrays.equals(metrics, vocabulary) && pointNames.equals(points);
    }

    /** Index in {@link #names()} of point feature i. */
    int pointPosition(int i) {
        return pointPositions[i];
    }

    String metric(int index) {
        return metrics[index];
    }

    int metricCount() {
        return metrics.length;
    }

    List<String> names() {
        return names;
    }

    int[] positions(int metric, int window) {
        return positions[metric][window];
    }
}
