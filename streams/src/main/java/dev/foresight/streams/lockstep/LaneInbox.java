package dev.foresight.streams.lockstep;

import dev.foresight.streams.state.SortableKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Records from several marker-delimited lanes (a topic partition, or an upstream task), held in a state
 * store until a tick is complete on the lanes that must deliver it.
 *
 * <p>Why: Kafka Streams interleaves a task's input partitions by timestamp and fetch timing, so the order
 * in which two lanes' records meet is not reproducible. Each lane's own order is. Holding every record
 * until its lane's marker arrives, then releasing whole ticks lane by lane in a fixed lane order, makes a
 * task's output a function of the lanes' contents only: the basis of byte-identical runs.
 *
 * <p>Layout of the store (keys sort as listed):
 * <ul>
 *   <li>{@code d|<lane>|<seq>}: a record or marker, in arrival order (the raw bytes);</li>
 *   <li>{@code l|<lane>}: the newest marker tick the lane has delivered, drained or not;</li>
 *   <li>{@code m|<lane>|<tick>}: the sequence number of each marker not yet drained.</li>
 * </ul>
 * Sequence numbers are unique in the store; they restart from the highest one held after a restart,
 * which keeps them increasing among the entries that still matter. Lane names must not contain '|'.
 */
public final class LaneInbox {

    private final KeyValueStore<String, byte[]> store;
    private long nextSequence;

    /** Wraps an initialised store; call from a processor's {@code init}. */
    public LaneInbox(KeyValueStore<String, byte[]> store) {
        this.store = store;
        long highest = -1;
        try (KeyValueIterator<String, byte[]> it = store.prefixScan("d|", new org.apache.kafka.common.serialization.StringSerializer())) {
            while (it.hasNext()) {
                String key = it.next().key;
                highest = Math.max(highest, SortableKeys.parse(key.substring(key.lastIndexOf('|') + 1)));
            }
        }
        this.nextSequence = highest + 1;
    }

    /** Holds a data record of a lane. */
    public void append(String lane, byte[] bytes) {
        store.put(dataKey(lane, nextSequence++), bytes);
    }

    /**
     * Holds a lane's marker for a tick, closing the lane's records since its previous marker.
     *
     * @return false, and holds nothing, if the lane already delivered a marker for this tick or a later one
     */
    public boolean appendMarker(String lane, long tick, byte[] bytes) {
        OptionalLong last = lastMarker(lane);
        if (last.isPresent() && tick <= last.getAsLong()) {
            return false;
        }
        long sequence = nextSequence++;
        store.put(dataKey(lane, sequence), bytes);
        store.put(markerKey(lane, tick), SortableKeys.longBytes(sequence));
        store.put(lastKey(lane), SortableKeys.longBytes(tick));
        return true;
    }

    /** The newest marker tick the lane has delivered, drained or not. */
    public OptionalLong lastMarker(String lane) {
        byte[] bytes = store.get(lastKey(lane));
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(SortableKeys.longFrom(bytes));
    }

    /** The oldest marker tick of the lane not drained yet. */
    public OptionalLong oldestPendingMarker(String lane) {
        try (KeyValueIterator<String, byte[]> it = store.range(markerKey(lane, Long.MIN_VALUE), markerKey(lane, Long.MAX_VALUE))) {
            return it.hasNext() ? OptionalLong.of(tickOf(it.next().key)) : OptionalLong.empty();
        }
    }

    /** The lane's undrained marker ticks in {@code (after, upTo]}, ascending. */
    public TreeSet<Long> pendingMarkers(String lane, long after, long upTo) {
        TreeSet<Long> ticks = new TreeSet<>();
        if (after == Long.MAX_VALUE || upTo <= after) {
            return ticks;
        }
        try (KeyValueIterator<String, byte[]> it = store.range(markerKey(lane, after + 1), markerKey(lane, upTo))) {
            while (it.hasNext()) {
                ticks.add(tickOf(it.next().key));
            }
        }
        return ticks;
    }

    /** The raw bytes of the lane's undrained marker for a tick. */
    public Optional<byte[]> pendingMarker(String lane, long tick) {
        byte[] sequence = store.get(markerKey(lane, tick));
        return sequence == null ? Optional.empty()
                : Optional.ofNullable(store.get(dataKey(lane, SortableKeys.longFrom(sequence))));
    }

    /**
     * Removes and returns, in arrival order, everything the lane delivered up to and including its newest
     * marker at or before {@code upToTick} (data records and markers alike, as raw bytes). Empty if the lane
     * has no such marker pending.
     */
    public List<byte[]> drain(String lane, long upToTick) {
        List<String> markerKeys = new ArrayList<>();
        long boundary = -1;
        try (KeyValueIterator<String, byte[]> it = store.range(markerKey(lane, Long.MIN_VALUE), markerKey(lane, upToTick))) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                markerKeys.add(entry.key);
                boundary = SortableKeys.longFrom(entry.value);
            }
        }
        if (markerKeys.isEmpty()) {
            return List.of();
        }
        List<String> dataKeys = new ArrayList<>();
        List<byte[]> drained = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.range(dataKey(lane, 0), dataKey(lane, boundary))) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                dataKeys.add(entry.key);
                drained.add(entry.value);
            }
        }
        // deleting only after the iterators are closed: not every store's iterator tolerates concurrent deletes
        dataKeys.forEach(store::delete);
        markerKeys.forEach(store::delete);
        return drained;
    }

    /** A small per-inbox value kept next to the lanes (e.g. the last completed tick). */
    public Optional<Long> value(String name) {
        byte[] bytes = store.get("v|" + name);
        return bytes == null ? Optional.empty() : Optional.of(SortableKeys.longFrom(bytes));
    }

    public void putValue(String name, long value) {
        store.put("v|" + name, SortableKeys.longBytes(value));
    }

    private static String dataKey(String lane, long sequence) {
        return "d|" + lane + "|" + SortableKeys.of(sequence);
    }

    private static String markerKey(String lane, long tick) {
        return "m|" + lane + "|" + SortableKeys.of(tick);
    }

    private static String lastKey(String lane) {
        return "l|" + lane;
    }

    private static long tickOf(String markerKey) {
        return SortableKeys.parse(markerKey.substring(markerKey.lastIndexOf('|') + 1));
    }
}
