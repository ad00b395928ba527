package dev.foresight.streams.lockstep;

import dev.foresight.schemas.TickMarker;
import dev.foresight.streams.ValuePartitioner;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;

/**
 * Sends a tick marker to the partition it speaks for, and leaves every other record to the default
 * partitioner (hash of the node-id key), so output records land on the same partition number as the
 * node's input: the topics are co-partitioned and a marker on partition p covers exactly p's nodes.
 */
public final class MarkerPartitioner implements ValuePartitioner<String, Object> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, Headers headers, int numPartitions) {
        if (value instanceof TickMarker marker) {
            int partition = marker.getPartition();
            if (partition < 0 || partition >= numPartitions) {
                throw new IllegalStateException("marker for partition " + partition + " of tick " + marker.getTick()
                        + " cannot go to topic " + topic + ", which has " + numPartitions + " partitions");
            }
            return Optional.of(Set.of(partition));
        }
        return Optional.empty();
    }
}
