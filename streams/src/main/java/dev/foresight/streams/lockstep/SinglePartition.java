package dev.foresight.streams.lockstep;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Everything to partition 0: the trainer's input topic is a single partition, markers included. */
public final class SinglePartition implements StreamPartitioner<String, Object> {

    private static final Optional<Set<Integer>> ZERO = Optional.of(Set.of(0));

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, Object value, int numPartitions) {
        return ZERO;
    }
}
