package dev.foresight.streams.training;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.release.ExampleBuffer;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.predictor.release.ModelLimits;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.lockstep.LaneInbox;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.lockstep.TrainingSchedule;
import dev.foresight.streams.state.SortableKeys;
import dev.foresight.streams.state.StoreFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer: a single task that sees every partition's examples and markers (one lane per upstream
 * partition, on a one-partition topic) and decides, at each tick, whether a new model is released.
 *
 * <p>A tick is complete once every lane has delivered its marker for it (or moved past it). At each complete
 * training tick k (see {@link TrainingSchedule}), in tick order:
 * <ol>
 *   <li>the lanes' examples up to k, lane by lane, join the bounded class-balanced {@link ExampleBuffer}, and
 *       {@link ModelTrainer} fits, calibrates and judges a challenger; a release is written to the models
 *       topic and to every partition of the model broadcast topic, effective from tick k + D;</li>
 *   <li>a marker of stage {@value Stages#TRAINER} for k goes to every broadcast partition, released or not:
 *       it tells each scoring task that no other model decided at or before k will come. Other ticks need no
 *       marker: no model is ever decided at them, and the scoring tasks know the schedule.</li>
 * </ol>
 * Examples wait in the {@value #INBOX_STORE} until the training tick that uses them, so the buffer, kept in
 * {@value #STATE_STORE} with the champion, is written once per training period. Nothing is cached between
 * records: the state stores are the whole state, so a task restored after a crash decides exactly alike.
 */
public final class TrainerProcessor implements Processor<String, SpecificRecord, String, Object> {

    /** Examples and markers of every lane, until their training tick; see {@link LaneInbox}. */
    public static final String INBOX_STORE = "trainer-inbox";
    /** The example buffer, the frozen feature schema, the champion release and the lane count. */
    public static final String STATE_STORE = "trainer-state";
    /** Key of model releases on the models and broadcast topics: compaction keeps the newest. */
    public static final String MODEL_KEY = "model";

    private static final String BUFFER = "buffer";
    private static final String SCHEMA = "schema";
    private static final String CHAMPION = "champion";
    private static final String LANES = "lanes";
    private static final String COMPLETED = "completed";
    private static final String INITIAL_PUBLISHED = "initial-published";

    private static final Logger LOG = LoggerFactory.getLogger(TrainerProcessor.class);

    private final ModelTrainer trainer;
    private final TrainingSchedule schedule;
    private final int modelDelayTicks;
    private final int bufferCapacityPerClass;
    private final Duration tickLength;
    private final long horizonMillis;
    private final String modelsNode;
    private final String broadcastNode;
    /** The model trained elsewhere that is champion until the first release, or null. */
    private final ModelRelease initialModel;
    /** What a champion's payload may hold: the models topic's own message limit, one rule for both. */
    private final ModelLimits modelLimits;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> state;
    private LaneInbox inbox;

    public TrainerProcessor(ModelTrainer trainer, TrainingSchedule schedule, int modelDelayTicks,
                            int bufferCapacityPerClass, Duration tickLength, Duration horizon,
                            String modelsNode, String broadcastNode) {
        this(trainer, schedule, modelDelayTicks, bufferCapacityPerClass, tickLength, horizon, modelsNode, broadcastNode, null,
                new ModelLimits(TopicSettings.DEFAULT_MAX_MODEL_BYTES));
    }

    /**
     * @param initialModel the first champion (version 0, scoring from the first tick), or null
     * @param modelLimits  what a model payload may hold ({@code TopicSettings.maxModelBytes})
     */
    public TrainerProcessor(ModelTrainer trainer, TrainingSchedule schedule, int modelDelayTicks,
                            int bufferCapacityPerClass, Duration tickLength, Duration horizon,
                            String modelsNode, String broadcastNode, ModelRelease initialModel, ModelLimits modelLimits) {
        this.modelLimits = modelLimits;
        this.initialModel = initialModel;
        this.trainer = trainer;
        this.schedule = schedule;
        this.modelDelayTicks = modelDelayTicks;
        this.bufferCapacityPerClass = bufferCapacityPerClass;
        this.tickLength = tickLength;
        this.horizonMillis = horizon.toMillis();
        this.modelsNode = modelsNode;
        this.broadcastNode = broadcastNode;
    }

    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> stores(StoreFactory stores) {
        return List.of(stores.keyValue(INBOX_STORE), stores.largeValues(STATE_STORE));
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.state = context.getStateStore(STATE_STORE);
        this.inbox = new LaneInbox(context.getStateStore(INBOX_STORE));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof LabeledExample example) {
            inbox.append(laneOf(record.key()), AvroCodec.encode(example));
        } else if (record.value() instanceof TickMarker marker) {
            onMarker(marker);
        } else {
            throw new IllegalArgumentException("trainer got a " + record.value().getClass().getName()
                    + " under key " + record.key() + "; it takes LabeledExample and TickMarker");
        }
    }

    private void onMarker(TickMarker marker) {
        int lanes = laneCount(marker);
        String lane = Integer.toString(marker.getPartition());
        if (!inbox.appendMarker(lane, marker.getTick(), AvroCodec.encode(marker))) {
            throw new IllegalStateException("trainer got the marker for tick " + marker.getTick() + " of partition "
                    + marker.getPartition() + " after that partition's marker for tick " + inbox.lastMarker(lane).orElse(-1)
                    + ": the trainer input is out of order");
        }
        long completeUpTo = Long.MAX_VALUE;
        for (int p = 0; p < lanes; p++) {
            OptionalLong last = inbox.lastMarker(Integer.toString(p));
            if (last.isEmpty()) {
                return;
            }
            completeUpTo = Math.min(completeUpTo, last.getAsLong());
        }
        long completed = inbox.value(COMPLETED).orElse(Long.MIN_VALUE);
        TreeMap<Long, byte[]> ticks = new TreeMap<>();
        for (int p = 0; p < lanes; p++) {
            String l = Integer.toString(p);
            for (long tick : inbox.pendingMarkers(l, completed, completeUpTo)) {
                ticks.computeIfAbsent(tick, t -> inbox.pendingMarker(l, t).orElseThrow());
            }
        }
        for (Map.Entry<Long, byte[]> tick : ticks.entrySet()) {
            if (schedule.isTrainingTick(tick.getKey())) {
                TickMarker closing = AvroCodec.decode(tick.getValue(), TickMarker.class);
                train(tick.getKey(), closing.getTimestamp(), lanes);
                broadcastMarkers(tick.getKey(), closing.getTimestamp(), lanes);
            }
            inbox.putValue(COMPLETED, tick.getKey());
        }
    }

    private int laneCount(TickMarker marker) {
        byte[] stored = state.get(LANES);
        if (stored == null) {
            state.put(LANES, SortableKeys.longBytes(marker.getPartitionCount()));
            return marker.getPartitionCount();
        }
        int lanes = (int) SortableKeys.longFrom(stored);
        if (marker.getPartitionCount() != lanes) {
            throw new IllegalStateException("marker for tick " + marker.getTick() + " of partition "
                    + marker.getPartition() + " counts " + marker.getPartitionCount() + " partitions, but earlier ones "
                    + "counted " + lanes + "; repartitioning a running pipeline is not supported");
        }
        return lanes;
    }

    private void train(long tick, Instant time, int lanes) {
        ExampleBuffer buffer = loadBuffer();
        FeatureSchema schema = loadSchema();
        Projector projector = new Projector();
        for (int p = 0; p < lanes; p++) {
            for (byte[] bytes : inbox.drain(Integer.toString(p), tick)) {
                if (AvroCodec.decodeAny(bytes) instanceof LabeledExample labeled) {
                    if (schema == null) {
                        // open vocabulary: the first example fixes the columns until a restart with declared metrics
                        schema = FeatureSchema.of(labeled.getNames());
                        state.put(SCHEMA, String.join("\n", schema.names()).getBytes(StandardCharsets.UTF_8));
                    }
                    buffer.add(toExample(labeled, projector.align(schema, labeled)));
                }
            }
        }
        state.put(BUFFER, buffer.toBytes());
        if (schema == null) {
            LOG.info("tick {}: no model trained: no example yet", tick);
            return;
        }
        ModelRelease champion = loadChampion();
        if (champion == null && initialModel != null) {
            champion = initialModel;
            if (state.get(INITIAL_PUBLISHED) == null) {
                // the scoring tasks have it from their settings; the models topic tells everyone else what scores
                context.forward(new Record<>(MODEL_KEY, initialModel, time.toEpochMilli()), modelsNode);
                state.put(INITIAL_PUBLISHED, new byte[] {1});
            }
        }
        FailurePredictor championModel = champion == null ? null : ModelCodec.decode(bytes(champion.getPayload()),
                modelLimits);
        ModelTrainer.Outcome outcome = trainer.train(schema, buffer.reweightedSnapshot(), championModel);
        if (!outcome.release()) {
            LOG.info("tick {}: no release ({} positive, {} healthy examples buffered): {}", tick, buffer.size(true),
                    buffer.size(false), outcome.reason());
            return;
        }
        ModelRelease release = release(tick, time, champion, outcome, buffer);
        state.put(CHAMPION, AvroCodec.encode(release));
        LOG.info("tick {}: released model v{} ({}, threshold {}, {} payload bytes), effective from tick {}: {}", tick,
                release.getVersion(), release.getAlgorithm(), release.getThreshold(), release.getPayload().remaining(),
                release.getEffectiveTick(), outcome.reason());
        long timestamp = time.toEpochMilli();
        context.forward(new Record<>(MODEL_KEY, release, timestamp), modelsNode);
        context.forward(new Record<>(MODEL_KEY, release, timestamp), broadcastNode);
    }

    private ModelRelease release(long tick, Instant time, ModelRelease champion, ModelTrainer.Outcome outcome,
                                 ExampleBuffer buffer) {
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put("precision", outcome.calibration().precision());
        metrics.put("recall", outcome.calibration().recall());
        metrics.put("fBeta", outcome.calibration().fBeta());
        metrics.put("targetPrecision", outcome.calibration().targetPrecision());
        metrics.put("prAuc", outcome.decision().challengerPrAuc());
        metrics.put("championPrAuc", outcome.decision().championPrAuc());
        metrics.put("heldOutExamples", (double) outcome.decision().heldOutExamples());
        metrics.put("heldOutPositives", (double) outcome.decision().heldOutPositives());
        metrics.put("trainExamples", (double) outcome.trainSize());
        metrics.put("validationExamples", (double) outcome.validationSize());
        metrics.put("decidedAtTick", (double) tick);
        FailurePredictor model = outcome.challenger();
        int version = champion == null ? 1 : champion.getVersion() + 1;
        return new ModelRelease(version, model.algorithm().name(), model.schema().names(),
                outcome.calibration().threshold(), horizonMillis, metrics, tick + modelDelayTicks,
                time.plus(tickLength.multipliedBy(modelDelayTicks)), ModelCodec.ENCODING,
                ByteBuffer.wrap(ModelCodec.encode(model)), provenance(tick, champion, buffer));
    }

    private Map<String, String> provenance(long tick, ModelRelease champion, ExampleBuffer buffer) {
        Map<String, String> provenance = new TreeMap<>();
        provenance.put("source", "online trainer");
        provenance.put("decidedAtTick", Long.toString(tick));
        List<Example> held = buffer.snapshot();
        if (!held.isEmpty()) {
            provenance.put("examplesFrom", Instant.ofEpochMilli(held.get(0).timeMillis()).toString());
            provenance.put("examplesUntil", Instant.ofEpochMilli(held.get(held.size() - 1).timeMillis()).toString());
        }
        provenance.put("examples", Integer.toString(held.size()));
        provenance.put("seed", Long.toString(trainer.seed()));
        if (champion != null) {
            provenance.put("replaces", "v" + champion.getVersion());
        }
        return provenance;
    }

    private void broadcastMarkers(long tick, Instant time, int lanes) {
        for (int p = 0; p < lanes; p++) {
            TickMarker marker = new TickMarker(Stages.TRAINER, tick, p, lanes, time);
            context.forward(new Record<>(Stages.MARKER_KEY, marker, time.toEpochMilli()), broadcastNode);
        }
    }

    private ExampleBuffer loadBuffer() {
        byte[] bytes = state.get(BUFFER);
        return bytes == null ? new ExampleBuffer(bufferCapacityPerClass) : ExampleBuffer.fromBytes(bytes);
    }

    private FeatureSchema loadSchema() {
        byte[] bytes = state.get(SCHEMA);
        return bytes == null ? null : FeatureSchema.of(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n")));
    }

    private ModelRelease loadChampion() {
        byte[] bytes = state.get(CHAMPION);
        return bytes == null ? null : AvroCodec.decode(bytes, ModelRelease.class);
    }

    private static Example toExample(LabeledExample labeled, double[] features) {
        return new Example(labeled.getNodeId(), labeled.getTimestamp().toEpochMilli(), features, labeled.getFailed(),
                labeled.getFailed() ? labeled.getLeadTimeMillis() : null, labeled.getWeight());
    }

    private static String laneOf(String key) {
        if (key == null || !key.chars().allMatch(Character::isDigit) || key.isEmpty()) {
            throw new IllegalArgumentException("trainer input key must be the upstream partition number, got " + key);
        }
        return key;
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /** Aligns examples to the schema, reusing the projection while the examples' names do not change. */
    private static final class Projector {
        private List<String> names;
        private FeatureSchema.Projection projection;

        double[] align(FeatureSchema schema, LabeledExample example) {
            List<String> exampleNames = example.getNames();
            if (!exampleNames.equals(names)) {
                names = new ArrayList<>(exampleNames);
                projection = schema.projectionFrom(FeatureSchema.of(exampleNames));
            }
            double[] values = new double[example.getValues().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = example.getValues().get(i);
            }
            return projection.apply(values);
        }
    }
}
