package dev.foresight.producers.sim;

import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic whose writer closes each tick with a {@link TickMarker} per partition, and hands out the
 * records of tick k once every partition's marker k (from the expected stage) has arrived. That is the
 * lockstep barrier: "tick k is complete" is a fact read from the log, not a guess from timing. Reads
 * read_committed, from the beginning, with manual assignment (no consumer group, nothing committed).
 */
public final class TickedTopicReader<T extends SpecificRecord> implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final Class<T> type;
    private final String stage;
    private final String topic;
    private final int partitions;
    private final Map<Integer, Long> markerTickByPartition = new HashMap<>();
    private final TreeMap<Long, List<T>> pendingByTick = new TreeMap<>();

    public TickedTopicReader(Map<String, Object> clientProperties, String topic, Class<T> type, String stage) {
        this.type = type;
        this.stage = stage;
        this.topic = topic;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.any().deserializer());
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
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!complete(tick)) {
            if (System.nanoTime() > deadline || !keepGoing.getAsBoolean()) {
                throw new TimeoutException("tick " + tick + " of " + topic + " not complete after " + timeout
                        + ": markers from stage '" + stage + "' seen up to " + new TreeMap<>(markerTickByPartition)
                        + " of " + partitions + " partitions");
            }
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(20))) {
                accept(record.value());
            }
        }
        List<T> records = new ArrayList<>();
        while (!pendingByTick.isEmpty() && pendingByTick.firstKey() <= tick) {
            records.addAll(pendingByTick.pollFirstEntry().getValue());
        }
        records.sort(order);
        return records;
    }

    private boolean complete(long tick) {
        if (markerTickByPartition.size() < partitions) {
            return false;
        }
        return markerTickByPartition.values().stream().allMatch(t -> t >= tick);
    }

    private void accept(SpecificRecord value) {
        if (value instanceof TickMarker marker) {
            if (marker.getStage().equals(stage)) {
                markerTickByPartition.merge(marker.getPartition(), marker.getTick(), Math::max);
            }
            return;
        }
        if (type.isInstance(value)) {
            T record = type.cast(value);
            pendingByTick.computeIfAbsent(tickOf(record), t -> new ArrayList<>()).add(record);
        }
    }

    static long tickOf(SpecificRecord record) {
        Schema.Field field = record.getSchema().getField("tick");
        if (field == null) {
            throw new IllegalArgumentException(record.getSchema().getName() + " has no tick field");
        }
        return (Long) record.get(field.pos());
    }

    public int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
