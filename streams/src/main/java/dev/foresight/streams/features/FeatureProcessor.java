package dev.foresight.streams.features;

import dev.foresight.predictor.feature.FeatureExtractor;
import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.feature.Features;
import dev.foresight.predictor.feature.Sample;
import dev.foresight.predictor.feature.SlidingWindow;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.errors.DeadLetter;
import dev.foresight.streams.errors.RejectReason;
import dev.foresight.streams.state.StoreFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-node trailing windows: each telemetry sample is added to its node's {@link SlidingWindow} (kept in
 * the {@value #WINDOWS_STORE} store) and the node's features over every window, ending at the sample's
 * time, go out as a {@link FeatureVector}. Tick markers pass through after the tick's vectors.
 *
 * <p>A sample too old for the node's window (its clock went back by more than the longest window) is
 * dead-lettered as {@link RejectReason#LATE_SAMPLE}, re-encoded, since its original bytes were released
 * by the aligner.
 */
public final class FeatureProcessor implements Processor<String, Object, Object, Object> {

    /** Node id to the node's encoded {@link SlidingWindow}. */
    public static final String WINDOWS_STORE = "feature-windows";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureProcessor.class);

    private final FeatureSpec spec;
    private final FeatureExtractor extractor;
    private final List<String> outputNodes;
    private final String rejectedNode;
    private final String telemetryTopic;
    private final String stage;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, byte[]> windows;

    /**
     * @param spec           windows and vocabulary
     * @param outputNodes    children receiving every feature vector and marker
     * @param rejectedNode   child receiving late samples as dead letters
     * @param telemetryTopic where samples come from, for dead-letter headers
     * @param stage          this processor's name, for dead-letter headers
     */
    public FeatureProcessor(FeatureSpec spec, List<String> outputNodes, String rejectedNode, String telemetryTopic,
                            String stage) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.extractor = new FeatureExtractor(spec);
        this.outputNodes = List.copyOf(outputNodes);
        this.rejectedNode = rejectedNode;
        this.telemetryTopic = telemetryTopic;
        this.stage = stage;
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> windowsStore(StoreFactory stores) {
        return stores.keyValue(WINDOWS_STORE);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.windows = context.getStateStore(WINDOWS_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof NodeTelemetry telemetry) {
            extract(telemetry);
        } else if (record.value() instanceof TickMarker) {
            forwardToAll(record);
        } else {
            throw new IllegalArgumentException("feature processor got a " + record.value().getClass().getName()
                    + " for key " + record.key() + "; it takes NodeTelemetry and TickMarker");
        }
    }

    private void extract(NodeTelemetry telemetry) {
        String node = telemetry.getNodeId();
        long time = telemetry.getTimestamp().toEpochMilli();
        byte[] stored = windows.get(node);
        SlidingWindow window = stored == null ? SlidingWindow.forSpec(spec) : SlidingWindow.fromBytes(stored);
        if (!window.add(Sample.of(time, telemetry.getMetrics()))) {
            rejectLate(telemetry, window);
            return;
        }
        windows.put(node, window.toBytes());
        Features features = extractor.extract(window.samples(), time);
        forwardToAll(new Record<>(node, toVector(node, telemetry.getTimestamp(), telemetry.getTick(), features), time));
    }

    static FeatureVector toVector(String node, java.time.Instant time, long tick, Features features) {
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
                        + " is older than its newest sample (" + java.time.Instant.ofEpochMilli(window.newestTimeMillis())
                        + ") by more than the longest window " + window.retention(),
                telemetryTopic, context.taskId().partition(), -1, null, stage);
        LOG.warn("dead-lettering {}", letter);
        context.forward(new Record<>(key, letter, telemetry.getTimestamp().toEpochMilli(), letter.headers(null)),
                rejectedNode);
    }
}
