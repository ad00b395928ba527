package dev.foresight.streams.lockstep;

import dev.foresight.streams.ValuePartitioner;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Headers;

/** Everything to partition 0: the trainer's input topic is a single partition, markers included. */
public final class SinglePartition implements ValuePartitioner<String, Object> {

    private static final Optional<Set<Integer>> ZERO = Optional.of(Set.of(0));

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, Headers headers, int numPartitions) {
        return ZERO;
    }
}
