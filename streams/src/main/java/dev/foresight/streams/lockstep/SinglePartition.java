package dev.foresight.streams.lockstep;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Everything to partition 0: the trainer's input topic is a single partition, markers included. */
public final class SinglePartition implements StreamPartitioner<String, Object> {

    private static final Optional<Set<Integer>> ZERO = Optional.of(Set.of(0));

    /** The header-less form Kafka Streams 4.4 still declares abstract; headers play no part here. */
    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return partitions(topic, key, value, new RecordHeaders(), numPartitions);
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, Headers headers, int numPartitions) {
        return ZERO;
    }
}
