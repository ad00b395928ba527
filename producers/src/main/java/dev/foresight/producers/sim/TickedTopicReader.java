package dev.foresight.producers.sim;

import dev.foresight.schemas.TickMarker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic whose writer closes each tick with a {@link TickMarker} per partition, and hands out the
 * records of tick k once every partition's marker k (from the expected stage) has arrived. That is the
 * lockstep barrier: "tick k is complete" is a fact read from the log, not a guess from timing. Reads
 * read_committed, from the beginning, with manual assignment (no consumer group, nothing committed).
 *
 * <p>Reads bytes and leaves their meaning to a {@link RecordScreen}: a screen may refuse a record, which
 * is then released, for the caller to dead-letter, with the tick its partition was on when it was read
 * (the first tick not yet closed there), so where a refused record lands depends on the log alone.
 */
public final class TickedTopicReader<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordScreen<T> screen;
    private final String topic;
    private final int partitions;
    private final Map<Integer, Long> markerTickByPartition = new HashMap<>();
    private final TreeMap<Long, List<T>> pendingByTick = new TreeMap<>();
    private final TreeMap<Long, List<Refusal>> refusedByTick = new TreeMap<>();

    /** A trusted topic: see {@link RecordScreen#strict}. */
    public TickedTopicReader(Map<String, Object> clientProperties, String topic, Class<T> type, String stage) {
        this(clientProperties, topic, RecordScreen.strict(type, stage));
    }

    public TickedTopicReader(Map<String, Object> clientProperties, String topic, RecordScreen<T> screen) {
        this.screen = screen;
        this.topic = topic;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " does not exist or has no partitions");
        }
        List<TopicPartition> assigned = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        this.partitions = assigned.size();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    /**
     * The records of {@code tick}, in a deterministic order (by the given comparator), once every
     * partition has passed marker {@code tick}. Records of later ticks stay buffered for later calls.
     *
     * @param keepGoing polled between fetches; the wait ends (with a TimeoutException) when it turns false,
     *     so a dead upstream stage stops the wait instead of hanging it
     */
    public List<T> awaitTick(long tick, Comparator<T> order, Duration timeout, BooleanSupplier keepGoing)
            throws TimeoutException {
        TickBatch<T> batch = awaitBatch(tick, order, timeout, keepGoing);
        if (!batch.refusals().isEmpty()) {
            // a caller that cannot dead-letter must not lose records quietly: use awaitBatch
            throw new IllegalStateException(batch.refusals().size() + " records of " + topic + " refused up to tick " + tick
                    + ", first: " + batch.refusals().get(0).message());
        }
        return batch.records();
    }

    /**
     * As {@link #awaitTick}, plus the records the screen refused up to {@code tick}, in log order, for the
     * caller to dead-letter.
     */
    public TickBatch<T> awaitBatch(long tick, Comparator<T> order, Duration timeout, BooleanSupplier keepGoing)
            throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!complete(tick)) {
            if (System.nanoTime() > deadline || !keepGoing.getAsBoolean()) {
                throw new TimeoutException("tick " + tick + " of " + topic + " not complete after " + timeout
                        + ": markers seen up to " + new TreeMap<>(markerTickByPartition)
                        + " of " + partitions + " partitions");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                accept(new RawRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value()));
            }
        }
        List<T> records = new ArrayList<>();
        while (!pendingByTick.isEmpty() && pendingByTick.firstKey() <= tick) {
            records.addAll(pendingByTick.pollFirstEntry().getValue());
        }
        records.sort(order);
        List<Refusal> refusals = new ArrayList<>();
        while (!refusedByTick.isEmpty() && refusedByTick.firstKey() <= tick) {
            refusals.addAll(refusedByTick.pollFirstEntry().getValue());
        }
        refusals.sort(Refusal.LOG_ORDER);
        return new TickBatch<>(records, refusals);
    }

    private boolean complete(long tick) {
        if (markerTickByPartition.size() < partitions) {
            return false;
        }
        return markerTickByPartition.values().stream().allMatch(t -> t >= tick);
    }

    private void accept(RawRecord record) {
        long closedTick = markerTickByPartition.getOrDefault(record.partition(), -1L);
        Screened<T> verdict = screen.screen(record, closedTick);
        if (verdict instanceof Screened.Marker<T> marker) {
            markerTickByPartition.merge(record.partition(), marker.tick(), Math::max);
        } else if (verdict instanceof Screened.Accepted<T> accepted) {
            pendingByTick.computeIfAbsent(accepted.tick(), t -> new ArrayList<>()).add(accepted.record());
        } else if (verdict instanceof Screened.Refused<T> refused) {
            refusedByTick.computeIfAbsent(closedTick + 1, t -> new ArrayList<>()).add(refused.refusal());
        }
    }

    public int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
