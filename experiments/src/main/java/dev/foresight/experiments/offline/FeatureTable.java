package dev.foresight.experiments.offline;

import dev.foresight.predictor.feature.FeatureExtractor;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.LoadBaselines;
import dev.foresight.predictor.feature.NodeBaselines;
import dev.foresight.predictor.feature.NodeLife;
import dev.foresight.predictor.feature.Sample;
import dev.foresight.predictor.feature.SlidingWindow;
import java.time.Duration;
import java.util.SortedSet;
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
 * table itself: rows times features doubles. The node's load baselines learn from the samples its window lets go, and
 * its life from its node events up to each sample, as in the topology.
 */
final class FeatureTable {

    private final FeatureSpec spec;
    private final SortedSet<String> readings;
    private final FeatureSchema schema;
    private final int[] node;
    private final long[] time;
    private final double[][] features;

    private FeatureTable(FeatureSpec spec, SortedSet<String> readings, FeatureSchema schema, int[] node, long[] time,
                         double[][] features) {
        this.spec = spec;
        this.readings = readings;
        this.schema = schema;
        this.node = node;
        this.time = time;
        this.features = features;
    }

    /**
     * The features of the host vocabulary's way ({@link FeatureSpec#hostDefaults()}: residuals against the load for
     * the readings that have a baseline, the load itself hidden) over these readings, with node-life features when
     * asked for.
     *
     * @param readings        the telemetry metrics to read
     * @param nodeLife        whether vectors carry the node's failures in 30 days and hours since boot and repair
     * @param labelEveryTicks a window becomes a row only on ticks divisible by this (real-time telemetry,
     *                        tick -1, always)
     */
    static FeatureTable extract(RecordedFleet fleet, List<Duration> windows, SortedSet<String> readings, boolean nodeLife,
                                int labelEveryTicks) {
        LoadBaselines baselines = LoadBaselines.hostDefaults();
        FeatureSpec spec = new FeatureSpec(windows, baselines.featureVocabulary(readings), baselines, nodeLife);
        FeatureExtractor extractor = new FeatureExtractor(spec);
        FeatureSchema schema = FeatureSchema.of(extractor.featureNames(spec.metrics()));
        Map<String, SlidingWindow> windowsByNode = new HashMap<>();
        Map<String, NodeBaselines> fits = new HashMap<>();
        Map<String, NodeLife> lives = new HashMap<>();
        Map<String, Integer> nextLifeEvent = new HashMap<>();
        Map<String, String> names = new HashMap<>(); // one String per metric name, not one per record
        Rows rows = new Rows();
        fleet.forEachTelemetry(record -> {
            TreeMap<String, Double> metrics = new TreeMap<>();
            record.getMetrics().forEach((name, value) -> {
                if (readings.contains(name)) {
                    metrics.put(names.computeIfAbsent(name, n -> n), value);
                }
            });
            long at = record.getTimestamp().toEpochMilli();
            String node = record.getNodeId();
            int index = fleet.indexOf(node);
            SlidingWindow window = windowsByNode.computeIfAbsent(node, n -> SlidingWindow.forSpec(spec));
            NodeBaselines fit = fits.computeIfAbsent(node, n -> new NodeBaselines(baselines));
            window.addEvicting(new Sample(at, metrics), fit::learn);
            NodeLife life = null;
            if (nodeLife) {
                life = lives.computeIfAbsent(node, n -> new NodeLife());
                List<RecordedFleet.LifeEvent> events = fleet.lifeEvents(index);
                int next = nextLifeEvent.getOrDefault(node, 0);
                while (next < events.size() && events.get(next).timeMillis() <= at) {
                    life.record(events.get(next).event(), events.get(next).timeMillis());
                    next++;
                }
                nextLifeEvent.put(node, next);
            }
            long tick = record.getTick();
            if (tick < 0 || tick % labelEveryTicks == 0) {
                rows.add(index, at, schema.align(extractor.extract(window, at, fit, life)));
            }
        });
        return new FeatureTable(spec, java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(readings)), schema,
                Arrays.copyOf(rows.node, rows.size), Arrays.copyOf(rows.time, rows.size), rows.features.toArray(double[][]::new));
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

    /** The telemetry metrics the features read (the spec's vocabulary is what they become). */
    SortedSet<String> readings() {
        return readings;
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
