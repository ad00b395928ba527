package dev.foresight.streams.lockstep;

import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.streams.errors.DeadLetter;
import dev.foresight.streams.errors.RejectReason;
import dev.foresight.streams.state.StoreFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a task's two input lanes (telemetry and node events of partition p) into whole ticks.
 *
 * <p>Every accepted record is held in the {@value #INBOX_STORE} store until its lane's marker for the tick
 * arrives. When both lanes have closed a tick, that tick is released, in a fixed order: a
 * {@link TickOpening} (to the scorer), its node events (to the labeller and the feature processor), its telemetry (to
 * the feature processor), then one marker of stage {@value Stages#STREAMS} for this partition (to the feature processor,
 * which passes it on). A tick only
 * one lane delivered a marker for is released when the other lane moves past it. A marker for a tick the
 * lane has already closed is dead-lettered as {@link RejectReason#STALE_MARKER}.
 */
public final class TickAligner implements Processor<String, Inbound, Object, Object> {

    /** Records of both lanes not yet released; see {@link LaneInbox}. */
    public static final String INBOX_STORE = "lockstep-inbox";

    private static final Logger LOG = LoggerFactory.getLogger(TickAligner.class);

    private final String openingNode;
    private final String eventsNode;
    private final String telemetryNode;
    private final String rejectedNode;
    private final String stage;
    private ProcessorContext<Object, Object> context;
    private LaneInbox inbox;

    /**
     * @param openingNode   child told which tick is about to be released
     * @param eventsNode    child receiving a tick's node events
     * @param telemetryNode child receiving a tick's telemetry and then its marker
     * @param rejectedNode  child receiving stale markers as dead letters
     * @param stage         this processor's name, for dead-letter headers
     */
    public TickAligner(String openingNode, String eventsNode, String telemetryNode, String rejectedNode, String stage) {
        this.openingNode = openingNode;
        this.eventsNode = eventsNode;
        this.telemetryNode = telemetryNode;
        this.rejectedNode = rejectedNode;
        this.stage = stage;
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> inboxStore(StoreFactory stores) {
        return stores.keyValue(INBOX_STORE);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.inbox = new LaneInbox(context.getStateStore(INBOX_STORE));
    }

    @Override
    public void process(Record<String, Inbound> record) {
        Inbound in = record.value();
        if (!(in.value() instanceof TickMarker marker)) {
            inbox.append(in.lane().key(), in.bytes());
            return;
        }
        if (!inbox.appendMarker(in.lane().key(), marker.getTick(), in.bytes())) {
            rejectStale(record, marker);
            return;
        }
        releaseCompleteTicks();
    }

    private void releaseCompleteTicks() {
        while (true) {
            OptionalLong events = inbox.oldestPendingMarker(Lane.NODE_EVENTS.key());
            OptionalLong telemetry = inbox.oldestPendingMarker(Lane.TELEMETRY.key());
            if (events.isEmpty() || telemetry.isEmpty()) {
                return;
            }
            long tick = Math.min(events.getAsLong(), telemetry.getAsLong());
            List<byte[]> eventBytes = events.getAsLong() == tick ? inbox.drain(Lane.NODE_EVENTS.key(), tick) : List.of();
            List<byte[]> telemetryBytes = telemetry.getAsLong() == tick ? inbox.drain(Lane.TELEMETRY.key(), tick) : List.of();
            release(tick, eventBytes, telemetryBytes);
        }
    }

    private void release(long tick, List<byte[]> eventBytes, List<byte[]> telemetryBytes) {
        List<SpecificRecord> events = decode(eventBytes);
        List<SpecificRecord> telemetry = decode(telemetryBytes);
        // the telemetry lane's marker wins: it is the one the simulator wrote last for the tick
        TickMarker closing = Stream.concat(telemetry.stream(), events.stream())
                .filter(TickMarker.class::isInstance).map(TickMarker.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("tick " + tick + " released without its marker: the inbox is corrupt"));
        long time = closing.getTimestamp().toEpochMilli();
        context.forward(new Record<>(Stages.MARKER_KEY, new TickOpening(tick), time), openingNode);
        for (SpecificRecord value : events) {
            if (value instanceof NodeEvent event) {
                Record<Object, Object> out = new Record<>(event.getNodeId(), event, event.getTimestamp().toEpochMilli());
                context.forward(out, eventsNode);
                context.forward(out, telemetryNode); // the feature processor keeps each node's life from them
            }
        }
        for (SpecificRecord value : telemetry) {
            if (value instanceof NodeTelemetry sample) {
                context.forward(new Record<>(sample.getNodeId(), sample, sample.getTimestamp().toEpochMilli()), telemetryNode);
            }
        }
        TickMarker streamsMarker = new TickMarker(Stages.STREAMS, tick, context.taskId().partition(),
                closing.getPartitionCount(), closing.getTimestamp());
        context.forward(new Record<>(Stages.MARKER_KEY, streamsMarker, time), telemetryNode);
    }

    private static List<SpecificRecord> decode(List<byte[]> drained) {
        List<SpecificRecord> values = new ArrayList<>(drained.size());
        for (byte[] bytes : drained) {
            values.add(AvroCodec.decodeAny(bytes));
        }
        return values;
    }

    private void rejectStale(Record<String, Inbound> record, TickMarker marker) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        OptionalLong last = inbox.lastMarker(record.value().lane().key());
        DeadLetter letter = new DeadLetter(record.value().rawKey(), record.value().bytes(), RejectReason.STALE_MARKER,
                "marker for tick " + marker.getTick() + " arrived on the " + record.value().lane().key()
                        + " lane after its marker for tick " + (last.isPresent() ? last.getAsLong() : "?"),
                source.topic(), source.partition(), source.offset(), null, stage);
        LOG.warn("dead-lettering {}", letter);
        context.forward(new Record<>(record.value().rawKey(), letter, record.timestamp(), letter.headers(record.headers())),
                rejectedNode);
    }
}
