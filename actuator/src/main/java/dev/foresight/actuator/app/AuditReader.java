package dev.foresight.actuator.app;

import dev.foresight.actuator.audit.AuditEntry;
import dev.foresight.actuator.audit.AuditTrail;
import dev.foresight.actuator.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the committed audit trail back, for operators and the CLI. */
public final class AuditReader {

    private AuditReader() {}

    /**
     * Every committed entry, ordered by tick then command id (entries of one tick are spread over the
     * topic's partitions by command id).
     */
    public static List<AuditEntry> readAll(Map<String, Object> clientProperties, ActuatorTopics topics, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<AuditEntry> entries = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.audit(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read the audit topic " + topics.audit() + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    entries.add(Json.decode(record.value(), AuditEntry.class));
                }
            }
        }
        entries.sort(Comparator.comparingLong(AuditEntry::tick).thenComparing(AuditEntry::commandId));
        return entries;
    }

    /** Commands awaiting an operator's answer. */
    public static List<AuditEntry> awaitingApproval(Map<String, Object> clientProperties, ActuatorTopics topics, Duration timeout) {
        return AuditTrail.awaitingApproval(readAll(clientProperties, topics, timeout));
    }
}
