package dev.foresight.actuator.lockstep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Lockstep gate: holds the records of the gated topics, per partition and in offset order, until
 * every partition of every gated topic has delivered its tick marker; then releases, per partition,
 * everything up to and including its marker. What a tick sees is thus fixed by offsets alone, never by
 * how polls happened to interleave the topics.
 *
 * <p>The tick released is the lowest marker tick at the head of any partition, once every partition
 * holds at least one marker. A partition whose first marker is later (it wrote no marker for that tick,
 * or a restart resumed it past it) releases nothing for that tick.
 *
 * @param <R> the data records carried
 */
public final class TickBarrier<R> {

    /** One partition of one topic. */
    public record Partition(String topic, int partition) implements Comparable<Partition> {
        @Override
        public int compareTo(Partition o) {
            int byTopic = topic.compareTo(o.topic);
            return byTopic != 0 ? byTopic : Integer.compare(partition, o.partition);
        }

        @Override
        public String toString() {
            return topic + "-" + partition;
        }
    }

    /**
     * What one tick released: data records in (topic, partition, offset) order, where each partition now
     * stands, and the latest timestamp carried by a released marker of this tick (-1 if none).
     */
    public record Release<R>(long tick, List<R> records, Map<Partition, Long> nextOffsets, long markerTimeMillis) {}

    private record Entry<R>(long offset, R record, long markerTick, long markerTimeMillis) {
        boolean marker() {
            return record == null;
        }
    }

    private final Map<String, Integer> gatedTopics = new TreeMap<>();
    private final Map<Partition, Deque<Entry<R>>> queues = new TreeMap<>();

    /** Gates on every partition {@code 0..partitions-1} of the topic. */
    public void gate(String topic, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + topic + " needs at least one partition, got " + partitions);
        }
        gatedTopics.put(topic, partitions);
        for (int p = 0; p < partitions; p++) {
            queues.computeIfAbsent(new Partition(topic, p), k -> new ArrayDeque<>());
        }
    }

    public void add(Partition partition, long offset, R record) {
        if (record == null) {
            throw new IllegalArgumentException("null record at " + partition + " offset " + offset);
        }
        queue(partition).addLast(new Entry<>(offset, record, -1, -1));
    }

    /**
     * A marker: the stage has written everything for {@code tick} to this partition.
     *
     * @param timeMillis the marker's timestamp: the simulated time of the tick
     * @throws IllegalStateException when the marker counts partitions differently from the topic: the
     *     barrier would wait forever or release too early
     */
    public void addMarker(Partition partition, long offset, long tick, int partitionCount, long timeMillis) {
        if (tick < 0) {
            throw new IllegalStateException("tick marker at " + partition + " offset " + offset + " has negative tick " + tick);
        }
        int expected = gatedTopics.getOrDefault(partition.topic(), -1);
        if (partitionCount != expected) {
            throw new IllegalStateException("tick marker " + tick + " at " + partition + " offset " + offset + " counts "
                    + partitionCount + " partitions, but topic " + partition.topic() + " has " + expected);
        }
        queue(partition).addLast(new Entry<>(offset, null, tick, timeMillis));
    }

    /** The next tick every gated partition has a marker for, if any. */
    public OptionalLong readyTick() {
        if (queues.isEmpty()) {
            return OptionalLong.empty();
        }
        long tick = Long.MAX_VALUE;
        for (Deque<Entry<R>> queue : queues.values()) {
            long first = firstMarker(queue);
            if (first < 0) {
                return OptionalLong.empty();
            }
            tick = Math.min(tick, first);
        }
        return OptionalLong.of(tick);
    }

    /** Releases each partition's entries up to its last marker of a tick at most {@code tick}. */
    public Release<R> release(long tick) {
        List<R> records = new ArrayList<>();
        Map<Partition, Long> next = new TreeMap<>();
        long markerTime = -1;
        for (var entry : queues.entrySet()) {
            Deque<Entry<R>> queue = entry.getValue();
            int through = lastMarkerAtMost(queue, tick);
            for (int i = 0; i <= through; i++) {
                Entry<R> e = queue.pollFirst();
                if (!e.marker()) {
                    records.add(e.record());
                } else if (e.markerTick() == tick) {
                    markerTime = Math.max(markerTime, e.markerTimeMillis());
                }
                next.put(entry.getKey(), e.offset() + 1);
            }
        }
        return new Release<>(tick, records, next, markerTime);
    }

    /** Drops everything held (after an aborted transaction the consumer re-reads from the last commit). */
    public void clear() {
        queues.values().forEach(Deque::clear);
    }

    /** Records held, for diagnostics. */
    public int held() {
        return queues.values().stream().mapToInt(Deque::size).sum();
    }

    private Deque<Entry<R>> queue(Partition partition) {
        Deque<Entry<R>> queue = queues.get(partition);
        if (queue == null) {
            throw new IllegalArgumentException("partition " + partition + " is not gated (gated topics: " + gatedTopics + ")");
        }
        return queue;
    }

    private static <R> long firstMarker(Deque<Entry<R>> queue) {
        for (Entry<R> e : queue) {
            if (e.marker()) {
                return e.markerTick();
            }
        }
        return -1;
    }

    private static <R> int lastMarkerAtMost(Deque<Entry<R>> queue, long tick) {
        int index = 0;
        int last = -1;
        for (Entry<R> e : queue) {
            if (e.marker()) {
                if (e.markerTick() > tick) {
                    break;
                }
                last = index;
            }
            index++;
        }
        return last;
    }
}
