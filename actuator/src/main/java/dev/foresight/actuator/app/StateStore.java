package dev.foresight.actuator.app;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the actuator's last committed state snapshot back from its compacted state topic. */
final class StateStore {

    private StateStore() {}

    /**
     * The latest committed snapshot, or null when there is none (a first start). Reads with
     * {@code read_committed} up to the last stable offset, so a snapshot of an aborted or still open
     * transaction is never taken for the state.
     */
    static byte[] readLatest(Map<String, Object> clientProperties, String topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(props)) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] latest = null;
            while (reader.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the actuator state topic " + topic + " to offset " + end
                            + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && StateSnapshot.KEY.equals(new String(record.key(), StandardCharsets.UTF_8))) {
                        latest = record.value();
                    }
                }
            }
            return latest;
        }
    }
}
