package dev.foresight.experiments.offline;

import dev.foresight.predictor.feature.FeatureExtractor;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.Sample;
import dev.foresight.predictor.feature.SlidingWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The feature vector of every node at every labelled tick of a recording, computed once and shared by
 * every horizon (labels depend on the horizon, features do not). Built the way the streaming topology
 * builds them: per node, a {@link SlidingWindow} fed in time order and a {@link FeatureExtractor} at each
 * sample, so a model trained offline sees the features it would see online.
 *
 * <p>Only the longest window of each node is held while the telemetry streams past, so memory is the
 * table itself: rows times features doubles.
 */
final class FeatureTable {

    private final FeatureSpec spec;
    private final FeatureSchema schema;
    private final int[] node;
    private final long[] time;
    private final double[][] features;

    private FeatureTable(FeatureSpec spec, FeatureSchema schema, int[] node, long[] time, double[][] features) {
        this.spec = spec;
        this.schema = schema;
        this.node = node;
        this.time = time;
        this.features = features;
    }

    /**
     * @param labelEveryTicks a window becomes a row only on ticks divisible by this (real-time telemetry,
     *                        tick -1, always)
     */
    static FeatureTable extract(RecordedFleet fleet, FeatureSpec spec, int labelEveryTicks) {
        FeatureExtractor extractor = new FeatureExtractor(spec);
        FeatureSchema schema = FeatureSchema.of(extractor.featureNames(spec.metrics()));
        Map<String, SlidingWindow> windows = new HashMap<>();
        Map<String, String> names = new HashMap<>(); // one String per metric name, not one per record
        Rows rows = new Rows();
        fleet.forEachTelemetry(record -> {
            TreeMap<String, Double> metrics = new TreeMap<>();
            record.getMetrics().forEach((name, value) -> {
                if (spec.metrics().contains(name)) {
                    metrics.put(names.computeIfAbsent(name, n -> n), value);
                }
            });
            long at = record.getTimestamp().toEpochMilli();
            SlidingWindow window = windows.computeIfAbsent(record.getNodeId(), n -> SlidingWindow.forSpec(spec));
            window.add(new Sample(at, metrics));
            long tick = record.getTick();
            if (tick < 0 || tick % labelEveryTicks == 0) {
                rows.add(fleet.indexOf(record.getNodeId()), at, schema.align(extractor.extract(window, at)));
            }
        });
        return new FeatureTable(spec, schema, Arrays.copyOf(rows.node, rows.size), Arrays.copyOf(rows.time, rows.size),
                rows.features.toArray(double[][]::new));
    }

    /** The table while it grows: primitive columns, doubled when full. */
    private static final class Rows {
        int[] node = new int[1024];
        long[] time = new long[1024];
        final List<double[]> features = new ArrayList<>();
        int size;

        void add(int nodeIndex, long timeMillis, double[] values) {
            if (size == node.length) {
                node = Arrays.copyOf(node, size * 2);
                time = Arrays.copyOf(time, size * 2);
            }
            node[size] = nodeIndex;
            time[size] = timeMillis;
            features.add(values);
            size++;
        }
    }

    FeatureSpec spec() {
        return spec;
    }

    FeatureSchema schema() {
        return schema;
    }

    int size() {
        return time.length;
    }

    int node(int row) {
        return node[row];
    }

    long time(int row) {
        return time[row];
    }

    /** The row's features (not copied: {@code Example} copies them). */
    double[] features(int row) {
        return features[row];
    }
}
