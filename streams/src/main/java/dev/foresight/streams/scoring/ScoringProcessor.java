package dev.foresight.streams.scoring;

import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.release.ModelCodec;
import dev.foresight.predictor.release.ModelLimits;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.lockstep.TickOpening;
import dev.foresight.streams.lockstep.TrainingSchedule;
import dev.foresight.streams.state.SortableKeys;
import dev.foresight.streams.state.StoreFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Scores every feature vector with exactly the model in effect at its tick, whatever the thread timing.
 *
 * <p>Model releases and trainer markers come from the broadcast topic (this task's partition of it, so
 * every scoring task sees all of them); a {@link TickOpening}, the tick's vectors and its
 * {@value Stages#STREAMS} marker from the aligner and the feature processor. The gate of tick j is open once
 * the trainer has decided the last training tick k at or before j - D (its marker for k arrived), or when k
 * precedes the first tick this task saw (no model can exist yet). Then each vector is scored with the newest
 * model whose effective tick is at most j (none: probability 0, no alarm, version -1), the predictions go
 * out, then the tick's marker. A tick whose gate is closed when it opens waits, vectors and marker, in
 * {@value #BACKLOG_STORE}, in arrival order; a tick whose gate is open (the usual case: the trainer is only
 * waited for at training ticks) is scored as it arrives.
 *
 * <p>Why this is exact: a model decided at tick k is effective from k + D, and decisions happen only at
 * training ticks, so every model effective at j was decided at or before the last training tick k <= j - D
 * and broadcast before the trainer's marker for k; models decided later are effective after j and are
 * ignored even if they already arrived.
 */
public final class ScoringProcessor implements Processor<String, Object, String, Object> {

    /** Vectors and streams markers in arrival order, until their tick's gate opens. */
    public static final String BACKLOG_STORE = "scoring-backlog";
    /** Effective tick to model release, from the current model on. */
    public static final String MODELS_STORE = "scoring-models";
    /** The first tick this task saw and the newest trainer marker. */
    public static final String PROGRESS_STORE = "scoring-progress";

    private static final String FIRST_TICK = "first-tick";
    private static final String TRAINER_TICK = "trainer-tick";
    private static final int NO_MODEL = -1;

    private final int modelDelayTicks;
    private final TrainingSchedule schedule;
    private final String predictionsNode;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> backlog;
    private KeyValueStore<String, byte[]> models;
    private KeyValueStore<String, byte[]> progress;
    private long nextSequence;
    private BacklogEntries entries;
    private int backlogged;
    /** Decoded models by store key; a model's bytes never change under its key once broadcast. */
    private final Map<String, LoadedModel> decoded = new TreeMap<>();
    /**
     * The model for the tick being released when its gate was open at its opening, else null. A tick is
     * released within the processing of one input record, so this never outlives it.
     */
    private LoadedModel direct;
    private boolean scoringDirectly;

    /** The model trained elsewhere that scores until the trainer releases one, or null. */
    private final ModelRelease initialModel;
    private LoadedModel initial;
    /** What a model payload on the models topic may hold: the topic's own message limit, one rule for both. */
    private final ModelLimits modelLimits;

    public ScoringProcessor(int modelDelayTicks, TrainingSchedule schedule, String predictionsNode) {
        this(modelDelayTicks, schedule, predictionsNode, null,
                new ModelLimits(TopicSettings.DEFAULT_MAX_MODEL_BYTES));
    }

    /**
     * @param initialModel a model (version 0) that scores every tick before the first release, or null
     * @param modelLimits  what a model payload may hold ({@code TopicSettings.maxModelBytes})
     */
    public ScoringProcessor(int modelDelayTicks, TrainingSchedule schedule, String predictionsNode, ModelRelease initialModel,
                            ModelLimits modelLimits) {
        this.modelLimits = modelLimits;
        this.modelDelayTicks = modelDelayTicks;
        this.schedule = schedule;
        this.predictionsNode = predictionsNode;
        this.initialModel = initialModel;
    }

    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> stores(StoreFactory stores) {
        return List.of(stores.keyValue(BACKLOG_STORE), stores.largeValues(MODELS_STORE), stores.keyValue(PROGRESS_STORE));
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.backlog = context.getStateStore(BACKLOG_STORE);
        this.models = context.getStateStore(MODELS_STORE);
        this.progress = context.getStateStore(PROGRESS_STORE);
        this.decoded.clear();
        this.direct = null;
        this.scoringDirectly = false;
        this.entries = new BacklogEntries(progress);
        long highest = -1;
        int count = 0;
        try (KeyValueIterator<String, byte[]> it = backlog.all()) {
            while (it.hasNext()) {
                highest = Math.max(highest, SortableKeys.parse(it.next().key));
                count++;
            }
        }
        this.nextSequence = highest + 1;
        this.backlogged = count;
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof TickOpening opening) {
            onOpening(opening.tick());
        } else if (value instanceof FeatureVector vector) {
            if (scoringDirectly) {
                forwardPrediction(vector, direct);
            } else {
                enqueue(vector);
            }
        } else if (value instanceof TickMarker marker && Stages.TRAINER.equals(marker.getStage())) {
            if (marker.getTick() > get(TRAINER_TICK, Long.MIN_VALUE)) {
                progress.put(TRAINER_TICK, SortableKeys.longBytes(marker.getTick()));
            }
            scoreOpenTicks();
        } else if (value instanceof TickMarker marker) {
            if (scoringDirectly) {
                forwardMarker(marker);
                scoringDirectly = false;
                direct = null;
            } else {
                enqueue(marker);
                scoreOpenTicks();
            }
        } else if (value instanceof ModelRelease release) {
            String key = SortableKeys.of(release.getEffectiveTick());
            models.put(key, AvroCodec.encode(release));
            decoded.remove(key);
        } else {
            throw new IllegalArgumentException("scorer got a " + value.getClass().getName() + " for key "
                    + record.key() + "; it takes TickOpening, FeatureVector, ModelRelease and TickMarker");
        }
    }

    private void onOpening(long tick) {
        if (get(FIRST_TICK, Long.MIN_VALUE) == Long.MIN_VALUE) {
            progress.put(FIRST_TICK, SortableKeys.longBytes(tick));
        }
        scoringDirectly = backlogged == 0 && gateOpen(tick);
        direct = scoringDirectly ? effectiveAt(tick) : null;
    }

    /**
     * Scores the backlog tick by tick while the next tick's gate is open. Gates open in tick order (a later
     * tick's decisive training tick is never earlier), so the scan stops at the first entry of a tick whose
     * gate is closed: a trainer running behind costs one decoded entry per call, not the whole backlog. The
     * tick's marker is checked as well, since a late sample's vector may carry an earlier tick than its marker.
     */
    private void scoreOpenTicks() {
        List<String> consumed = new ArrayList<>();
        List<String> tickKeys = new ArrayList<>();
        List<FeatureVector> vectors = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = backlog.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                SpecificRecord value = entries.decode(entry.value);
                if (tickKeys.isEmpty() && !gateOpen(tickOf(value))) {
                    break;
                }
                tickKeys.add(entry.key);
                if (value instanceof FeatureVector vector) {
                    vectors.add(vector);
                    continue;
                }
                TickMarker marker = (TickMarker) value;
                if (!gateOpen(marker.getTick())) { // a vector of an earlier tick (a late sample) opened the scan
                    break;
                }
                score(marker, vectors);
                consumed.addAll(tickKeys);
                tickKeys.clear();
                vectors.clear();
            }
        }
        // deleting only after the iterator is closed: not every store's iterator tolerates concurrent deletes
        consumed.forEach(backlog::delete);
        backlogged -= consumed.size();
    }

    private void enqueue(SpecificRecord record) {
        backlog.put(SortableKeys.of(nextSequence++), entries.encode(record, backlogged == 0));
        backlogged++;
    }

    private static long tickOf(SpecificRecord backlogged) {
        return backlogged instanceof FeatureVector vector ? vector.getTick() : ((TickMarker) backlogged).getTick();
    }

    private boolean gateOpen(long tick) {
        long decisive = schedule.lastTrainingTickAtOrBefore(tick - modelDelayTicks);
        return decisive < get(FIRST_TICK, Long.MIN_VALUE) || get(TRAINER_TICK, Long.MIN_VALUE) >= decisive;
    }

    private void score(TickMarker marker, List<FeatureVector> vectors) {
        LoadedModel model = effectiveAt(marker.getTick());
        for (FeatureVector vector : vectors) {
            forwardPrediction(vector, model);
        }
        forwardMarker(marker);
    }

    private void forwardPrediction(FeatureVector vector, LoadedModel model) {
        Prediction prediction;
        if (model == null) {
            prediction = new Prediction(vector.getNodeId(), vector.getTimestamp(), vector.getTick(), 0.0, false, NO_MODEL,
                    0L, null);
        } else {
            double probability = model.score(vector);
            prediction = new Prediction(vector.getNodeId(), vector.getTimestamp(), vector.getTick(), probability,
                    probability >= model.release.getThreshold(), model.release.getVersion(),
                    model.release.getHorizonMillis(), model.release.getThreshold());
        }
        context.forward(new Record<>(vector.getNodeId(), prediction, vector.getTimestamp().toEpochMilli()), predictionsNode);
    }

    private void forwardMarker(TickMarker marker) {
        context.forward(new Record<>(Stages.MARKER_KEY, marker, marker.getTimestamp().toEpochMilli()), predictionsNode);
    }

    /** The newest model effective at the tick; older ones are dropped, since ticks only move forward. */
    private LoadedModel effectiveAt(long tick) {
        String current = null;
        List<String> superseded = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = models.range(SortableKeys.of(Long.MIN_VALUE), SortableKeys.of(tick))) {
            while (it.hasNext()) {
                String key = it.next().key;
                if (current != null) {
                    superseded.add(current);
                }
                current = key;
            }
        }
        for (String key : superseded) {
            models.delete(key);
            decoded.remove(key);
        }
        if (current == null) {
            if (initialModel != null && initial == null) {
                initial = new LoadedModel(initialModel, modelLimits);
            }
            return initial;
        }
        String key = current;
        return decoded.computeIfAbsent(key, k -> new LoadedModel(AvroCodec.decode(models.get(k), ModelRelease.class),
                modelLimits));
    }

    private long get(String key, long absent) {
        byte[] bytes = progress.get(key);
        return bytes == null ? absent : SortableKeys.longFrom(bytes);
    }

    /** A release with its decoded model and the projection from the vectors' layout to the model's columns. */
    private static final class LoadedModel {
        final ModelRelease release;
        final FailurePredictor predictor;
        private List<String> vectorNames;
        private FeatureSchema.Projection projection;

        LoadedModel(ModelRelease release, ModelLimits limits) {
            this.release = release;
            ByteBuffer payload = release.getPayload().duplicate();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            this.predictor = ModelCodec.decode(bytes, limits);
        }

        double score(FeatureVector vector) {
            List<String> names = vector.getNames();
            if (!names.equals(vectorNames)) {
                vectorNames = new ArrayList<>(names);
                projection = predictor.schema().projectionFrom(FeatureSchema.of(names));
            }
            List<Double> boxed = vector.getValues();
            double[] values = new double[boxed.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = boxed.get(i);
            }
            return predictor.probability(projection.apply(values));
        }
    }
}
