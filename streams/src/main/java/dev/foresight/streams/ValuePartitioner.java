package dev.foresight.streams;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * A partitioner of the topology's own sinks, which decides from key and value alone. Kafka Streams 4.4 still
 * declares the header-less form abstract; implementations write only the form with headers, and this bridges the other.
 */
public interface ValuePartitioner<K, V> extends StreamPartitioner<K, V> {

    @Override
    @Deprecated
    @SuppressWarnings("removal")
    default Optional<Set<Integer>> partitions(String topic, K key, V value, int numPartitions) {
        return partitions(topic, key, value, new RecordHeaders(), numPartitions);
    }
}
