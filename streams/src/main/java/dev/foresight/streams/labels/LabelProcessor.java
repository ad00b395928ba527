package dev.foresight.streams.labels;

import dev.foresight.predictor.label.HealthEvent;
import dev.foresight.predictor.label.Label;
import dev.foresight.predictor.label.Labeller;
import dev.foresight.predictor.label.NodeHistory;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.state.SortableKeys;
import dev.foresight.streams.state.StoreFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Labels feature windows from node events, as the predictor's {@link Labeller} defines it: positive if the
 * node fails within the horizon after the window (with the lead time), negative once the horizon and the early
 * margin have passed without failure, excluded while the node is down or just repaired, or when it fails within
 * the early margin after the horizon.
 *
 * <p>Input arrives a whole tick at a time (events, then vectors, then the tick's marker), so:
 * <ul>
 *   <li>a FAILED event resolves the node's pending windows within one horizon before it as positives, and those
 *       of the early margin before that as excluded, at once;</li>
 *   <li>a feature vector is excluded at once, or held in {@value #PENDING_STORE} keyed by its end time;</li>
 *   <li>the marker's time is the watermark: every window whose horizon and margin it passed is resolved, in
 *       end-time order, then the marker goes on.</li>
 * </ul>
 * Labels never depend on anything but the ticks seen, so a replay labels identically. Only windows of
 * ticks divisible by {@code labelEveryTicks} are labelled (consecutive windows are near duplicates).
 * Examples go to the training topic keyed by node, and to the trainer keyed by this task's partition (the
 * trainer's lane).
 */
public final class LabelProcessor implements Processor<String, Object, String, Object> {

    /** Node id to its failures and repairs, pruned to what pending windows can still need. */
    public static final String HISTORY_STORE = "label-history";
    /** {@code <end time>|<node>} to the window's feature vector, until it is labelled. */
    public static final String PENDING_STORE = "label-pending";

    private final Labeller labeller;
    private final long horizonMillis;
    /** H + M: how long after a window's end a failure still decides its label. */
    private final long decidedMillis;
    private final long graceMillis;
    private final int labelEveryTicks;
    private final String trainingNode;
    private final String trainerNode;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> histories;
    private KeyValueStore<String, byte[]> pending;
    private String lane;
    /** Watermark of the last marker, for pruning only; unknown after a restart, when pruning waits a tick. */
    private long lastWatermark = Long.MIN_VALUE;
    /** The feature names of the windows this task stores, shared by all of them (see sharedNames). */
    private List<String> layout;

    /**
     * @param labeller        the labelling rule
     * @param labelEveryTicks only windows of ticks divisible by this are labelled
     * @param trainingNode    child receiving examples and markers keyed for the training topic
     * @param trainerNode     child receiving examples and markers keyed by lane for the trainer
     */
    public LabelProcessor(Labeller labeller, int labelEveryTicks, String trainingNode, String trainerNode) {
        this.labeller = labeller;
        this.horizonMillis = labeller.policy().horizon().toMillis();
        this.decidedMillis = labeller.policy().decidedWithin().toMillis();
        this.graceMillis = labeller.policy().repairGrace().toMillis();
        this.labelEveryTicks = labelEveryTicks;
        this.trainingNode = trainingNode;
        this.trainerNode = trainerNode;
    }

    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> stores(StoreFactory stores) {
        return List.of(stores.keyValue(HISTORY_STORE), stores.keyValue(PENDING_STORE));
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.histories = context.getStateStore(HISTORY_STORE);
        this.pending = context.getStateStore(PENDING_STORE);
        this.lane = Integer.toString(context.taskId().partition());
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof NodeEvent event) {
            onEvent(event);
        } else if (value instanceof FeatureVector vector) {
            onWindow(vector);
        } else if (value instanceof TickMarker marker) {
            onMarker(marker);
        } else {
            throw new IllegalArgumentException("label processor got a " + value.getClass().getName()
                    + " for key " + record.key() + "; it takes NodeEvent, FeatureVector and TickMarker");
        }
    }

    private void onEvent(NodeEvent event) {
        HealthEvent health = switch (event.getType()) {
            case FAILED -> HealthEvent.failed(event.getTimestamp().toEpochMilli());
            case REPAIRED -> HealthEvent.repaired(event.getTimestamp().toEpochMilli());
            // power, boot and quarantine changes do not change what a window's label means
            default -> null;
        };
        if (health == null) {
            return;
        }
        String node = event.getNodeId();
        NodeHistory history = history(node).with(health);
        if (lastWatermark != Long.MIN_VALUE) {
            // windows ending before lastWatermark - H - M were resolved at the last marker; older events matter no more
            history = history.prunedBefore(lastWatermark - decidedMillis - graceMillis);
        }
        histories.put(node, HistoryCodec.encode(history));
        if (health.kind() == HealthEvent.Kind.FAILED) {
            // positives within H before the failure, and windows of the early margin before those (excluded)
            resolve(pendingOf(node, health.timeMillis() - decidedMillis, health.timeMillis()), Long.MIN_VALUE);
        }
    }

    private void onWindow(FeatureVector vector) {
        if (vector.getTick() >= 0 && vector.getTick() % labelEveryTicks != 0) {
            return;
        }
        String node = vector.getNodeId();
        long end = vector.getTimestamp().toEpochMilli();
        // no watermark yet: the window can only be excluded (node down) or pending; the marker resolves the rest
        Label label = labeller.label(end, history(node), Long.MIN_VALUE);
        if (label.outcome() == Label.Outcome.POSITIVE) {
            emit(vector, label);
        } else if (label.outcome() == Label.Outcome.PENDING) {
            pending.put(pendingKey(end, node), AvroCodec.encode(vector));
        }
    }

    private void onMarker(TickMarker marker) {
        long watermark = marker.getTimestamp().toEpochMilli();
        // a window is due once end + H + M <= watermark; the exclusive bound end + 1 keeps every node at that end
        resolve(pendingBefore(watermark - decidedMillis + 1), watermark);
        lastWatermark = watermark;
        long time = marker.getTimestamp().toEpochMilli();
        context.forward(new Record<>(Stages.MARKER_KEY, marker, time), trainingNode);
        context.forward(new Record<>(lane, marker, time), trainerNode);
    }

    /** Labels the given pending windows (in end order) and emits and forgets every resolved one. */
    private void resolve(List<KeyValue<String, byte[]>> windows, long watermark) {
        Map<String, NodeHistory> loaded = new HashMap<>();
        for (KeyValue<String, byte[]> window : windows) {
            FeatureVector vector = AvroCodec.decode(window.value, FeatureVector.class);
            vector.setNames(sharedNames(vector.getNames()));
            NodeHistory history = loaded.computeIfAbsent(vector.getNodeId(), this::history);
            Label label = labeller.label(vector.getTimestamp().toEpochMilli(), history, watermark);
            if (label.resolved()) {
                pending.delete(window.key);
                if (label.usable()) {
                    emit(vector, label);
                }
            }
        }
    }

    /**
     * One immutable list for the feature names every stored window repeats: decoded windows would otherwise each
     * carry their own copy, and the codec writes a shared immutable list from memory instead of string by string.
     */
    private List<String> sharedNames(List<String> names) {
        if (!names.equals(layout)) {
            layout = List.copyOf(names);
        }
        return layout;
    }

    private void emit(FeatureVector vector, Label label) {
        boolean failed = label.outcome() == Label.Outcome.POSITIVE;
        LabeledExample example = new LabeledExample(vector.getNodeId(), vector.getTimestamp(), vector.getTick(),
                vector.getNames(), vector.getValues(), failed, horizonMillis, label.leadTimeMillis(), 1.0);
        long time = vector.getTimestamp().toEpochMilli();
        context.forward(new Record<>(vector.getNodeId(), example, time), trainingNode);
        context.forward(new Record<>(lane, example, time), trainerNode);
    }

    private NodeHistory history(String node) {
        byte[] bytes = histories.get(node);
        return bytes == null ? NodeHistory.empty() : HistoryCodec.decode(bytes);
    }

    /** The node's pending windows ending in {@code [from, until)}. */
    private List<KeyValue<String, byte[]>> pendingOf(String node, long from, long until) {
        List<KeyValue<String, byte[]>> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.range(SortableKeys.of(from), SortableKeys.of(until))) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                if (entry.key.endsWith("|" + node) && entry.key.length() == SortableKeys.WIDTH + 1 + node.length()) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    /** Every pending window ending before {@code until}. */
    private List<KeyValue<String, byte[]>> pendingBefore(long until) {
        List<KeyValue<String, byte[]>> found = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = pending.range(SortableKeys.of(Long.MIN_VALUE), SortableKeys.of(until))) {
            while (it.hasNext()) {
                found.add(it.next());
            }
        }
        return found;
    }

    private static String pendingKey(long end, String node) {
        return SortableKeys.of(end) + "|" + node;
    }
}
