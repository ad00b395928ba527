package dev.foresight.streams.features;

import dev.foresight.predictor.feature.FeatureExtractor;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.Features;
import dev.foresight.predictor.feature.Sample;
import dev.foresight.predictor.feature.NodeBaselines;
import dev.foresight.predictor.feature.NodeLife;
import dev.foresight.predictor.feature.SlidingWindow;
import dev.foresight.schemas.NodeEvent;
import java.util.HashMap;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.errors.DeadLetter;
import dev.foresight.streams.errors.RejectReason;
import dev.foresight.streams.state.SortableKeys;
import dev.foresight.streams.state.StoreFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-node trailing windows: each telemetry sample is added to its node's {@link SlidingWindow} and the
 * node's features over every window, ending at the sample's time, go out as a {@link FeatureVector}. Tick
 * markers pass through after the tick's vectors.
 *
 * <p>State: the {@value #WINDOWS_STORE} store holds one entry per retained sample ({@code <node>|<time>}),
 * so a sample costs the changelog one small record and one deletion, not a rewrite of the node's whole
 * window (which {@link SlidingWindow#toBytes()} would be: the longest window's worth of samples, every tick).
 * Windows are rebuilt from the store on first use after a start and kept in a bounded LRU cache; the cache
 * is only a copy, since adding samples in time order rebuilds exactly the window live processing built.
 *
 * <p>A sample too old for the node's window (its clock went back by more than the longest window) is
 * dead-lettered as {@link RejectReason#LATE_SAMPLE}, re-encoded, since its original bytes were released
 * by the aligner.
 */
public final class FeatureProcessor implements Processor<String, Object, Object, Object> {

    /** {@code <node>|<sample time>} to the sample, as NodeTelemetry Avro, for every sample a window retains. */
    public static final String WINDOWS_STORE = "feature-windows";
    /** Per node, its load baselines ({@link NodeBaselines}), learnt from the samples its window let go. */
    public static final String BASELINES_STORE = "feature-baselines";
    /** Per node, its life ({@link NodeLife}) from its node events. */
    public static final String LIFE_STORE = "feature-node-life";
    /** Windows kept decoded; beyond this many nodes per task the least recently sampled are rebuilt on demand. */
    public static final int CACHED_WINDOWS = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(FeatureProcessor.class);

    private final FeatureSpec spec;
    private final FeatureExtractor extractor;
    private final List<String> outputNodes;
    private final String rejectedNode;
    private final String telemetryTopic;
    private final String stage;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, byte[]> samples;
    private KeyValueStore<String, byte[]> baselineStore;
    private KeyValueStore<String, byte[]> lifeStore;
    private final Map<String, SlidingWindow> cache;
    /** Decoded baselines of the cached windows: only a copy of the store, like the windows. */
    private final Map<String, NodeBaselines> baselines = new HashMap<>();

    /**
     * @param spec           windows and vocabulary
     * @param outputNodes    children receiving every feature vector and marker
     * @param rejectedNode   child receiving late samples as dead letters
     * @param telemetryTopic where samples come from, for dead-letter headers
     * @param stage          this processor's name, for dead-letter headers
     */
    public FeatureProcessor(FeatureSpec spec, List<String> outputNodes, String rejectedNode, String telemetryTopic,
                            String stage) {
        this(spec, outputNodes, rejectedNode, telemetryTopic, stage, CACHED_WINDOWS);
    }

    /** As above, keeping at most {@code cachedWindows} windows decoded. */
    FeatureProcessor(FeatureSpec spec, List<String> outputNodes, String rejectedNode, String telemetryTopic,
                     String stage, int cachedWindows) {
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SlidingWindow> eldest) {
                if (size() > cachedWindows) {
                    baselines.remove(eldest.getKey());
                    return true;
                }
                return false;
            }
        };
        this.spec = Objects.requireNonNull(spec, "spec");
        this.extractor = new FeatureExtractor(spec);
        this.outputNodes = List.copyOf(outputNodes);
        this.rejectedNode = rejectedNode;
        this.telemetryTopic = telemetryTopic;
        this.stage = stage;
    }

    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> stores(StoreFactory stores) {
        return List.of(stores.keyValue(WINDOWS_STORE), stores.keyValue(BASELINES_STORE), stores.keyValue(LIFE_STORE));
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.samples = context.getStateStore(WINDOWS_STORE);
        this.baselineStore = context.getStateStore(BASELINES_STORE);
        this.lifeStore = context.getStateStore(LIFE_STORE);
        this.cache.clear();
        this.baselines.clear();
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof NodeTelemetry telemetry) {
            extract(telemetry);
        } else if (record.value() instanceof NodeEvent event) {
            recordLife(event);
        } else if (record.value() instanceof TickMarker) {
            forwardToAll(record);
        } else {
            throw new IllegalArgumentException("feature processor got a " + record.value().getClass().getName()
                    + " for key " + record.key() + "; it takes NodeTelemetry, NodeEvent and TickMarker");
        }
    }

    private void extract(NodeTelemetry telemetry) {
        String node = telemetry.getNodeId();
        long time = telemetry.getTimestamp().toEpochMilli();
        SlidingWindow window = cache.computeIfAbsent(node, this::rebuild);
        NodeBaselines fits = baselines.computeIfAbsent(node, this::loadBaselines);
        // The window says which samples it lets go: delete exactly those keys (a range scan of the store per sample
        // was once the topology's hottest path), and the node's baselines learn from them, so a baseline never holds
        // what a window measures against it.
        List<Sample> dropped = new ArrayList<>(1);
        if (!window.addEvicting(Sample.of(time, telemetry.getMetrics()), dropped::add)) {
            rejectLate(telemetry, window);
            return;
        }
        // put before deleting: at the sample cap a late sample can be the one the window lets go
        samples.put(sampleKey(node, time), AvroCodec.encode(telemetry));
        for (Sample gone : dropped) {
            samples.delete(sampleKey(node, gone.timeMillis()));
            fits.learn(gone);
        }
        if (!dropped.isEmpty() && !spec.baselines().isEmpty()) {
            baselineStore.put(node, fits.toBytes());
        }
        Features features = extractor.extract(window, time, fits, spec.nodeLife() ? life(node) : null);
        forwardToAll(new Record<>(node, toVector(node, telemetry.getTimestamp(), telemetry.getTick(), features), time));
    }

    /** The node's window from its stored samples, added in time order as they were live. */
    private SlidingWindow rebuild(String node) {
        SlidingWindow window = SlidingWindow.forSpec(spec);
        try (KeyValueIterator<String, byte[]> it = samples.range(sampleKey(node, Long.MIN_VALUE), sampleKey(node, Long.MAX_VALUE))) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                if (entry.key.length() == node.length() + 1 + SortableKeys.WIDTH) { // not a node whose id extends this one
                    NodeTelemetry stored = AvroCodec.decode(entry.value, NodeTelemetry.class);
                    window.add(Sample.of(stored.getTimestamp().toEpochMilli(), stored.getMetrics()));
                }
            }
        }
        return window;
    }

    private NodeBaselines loadBaselines(String node) {
        byte[] bytes = baselineStore.get(node);
        return bytes == null ? new NodeBaselines(spec.baselines()) : NodeBaselines.fromBytes(spec.baselines(), bytes);
    }

    private NodeLife life(String node) {
        byte[] bytes = lifeStore.get(node);
        return bytes == null ? new NodeLife() : NodeLife.fromBytes(bytes);
    }

    /** Failures, repairs and boots feed the node's life features; other events do not. */
    private void recordLife(NodeEvent event) {
        if (!spec.nodeLife()) {
            return;
        }
        NodeLife.Event kind = NodeLife.Event.ofEventType(event.getType().name());
        if (kind != null) {
            NodeLife life = life(event.getNodeId());
            life.record(kind, event.getTimestamp().toEpochMilli());
            lifeStore.put(event.getNodeId(), life.toBytes());
        }
    }

    private static String sampleKey(String node, long time) {
        return node + "|" + SortableKeys.of(time);
    }

    static FeatureVector toVector(String node, Instant time, long tick, Features features) {
        double[] values = features.values();
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return new FeatureVector(node, time, tick, features.names(), boxed);
    }

    private void forwardToAll(Record<String, ?> record) {
        for (String child : outputNodes) {
            context.forward(record, child);
        }
    }

    private void rejectLate(NodeTelemetry telemetry, SlidingWindow window) {
        byte[] key = telemetry.getNodeId().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = new DeadLetter(key, AvroCodec.encode(telemetry), RejectReason.LATE_SAMPLE,
                "sample of node " + telemetry.getNodeId() + " at " + telemetry.getTimestamp()
                        + " is older than its newest sample (" + Instant.ofEpochMilli(window.newestTimeMillis())
                        + ") by more than the longest window " + window.retention(),
                telemetryTopic, context.taskId().partition(), -1, null, stage);
        LOG.warn("dead-lettering {}", letter);
        context.forward(new Record<>(key, letter, telemetry.getTimestamp().toEpochMilli(), letter.headers(null)),
                rejectedNode);
    }
}
