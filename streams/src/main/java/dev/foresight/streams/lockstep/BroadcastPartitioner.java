package dev.foresight.streams.lockstep;

import dev.foresight.schemas.TickMarker;
import dev.foresight.streams.ValuePartitioner;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Headers;

/**
 * For the model broadcast topic: a model release goes to every partition (each scoring task must see
 * every release, in the same order relative to the trainer's markers), and a trainer marker to the
 * partition it speaks for.
 */
public final class BroadcastPartitioner implements ValuePartitioner<String, Object> {

    private static final MarkerPartitioner MARKERS = new MarkerPartitioner();

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, Headers headers, int numPartitions) {
        if (value instanceof TickMarker marker) {
            return MARKERS.partitions(topic, key, marker, headers, numPartitions);
        }
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}
