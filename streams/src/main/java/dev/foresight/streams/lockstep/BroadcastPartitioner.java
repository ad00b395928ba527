package dev.foresight.streams.lockstep;

import dev.foresight.schemas.TickMarker;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * For the model broadcast topic: a model release goes to every partition (each scoring task must see
 * every release, in the same order relative to the trainer's markers), and a trainer marker to the
 * partition it speaks for.
 */
public final class BroadcastPartitioner implements StreamPartitioner<String, Object> {

    /** The header-less form Kafka Streams 4.4 still declares abstract; headers play no part here. */
    @Override
    @Deprecated
    @SuppressWarnings("removal")
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return partitions(topic, key, value, new RecordHeaders(), numPartitions);
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, Headers headers, int numPartitions) {
        if (value instanceof TickMarker marker) {
            return new MarkerPartitioner().partitions(topic, key, marker, headers, numPartitions);
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
