package dev.foresight.streams.errors;

import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.streams.ValuePartitioner;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A rejected record on its way to {@code foresight.dead-letters}: the original key and value bytes,
 * untouched so the record can be replayed once fixed, and why it was rejected.
 *
 * @param rawKey    the original key bytes (may be null)
 * @param rawValue  the original value bytes (may be null)
 * @param reason    machine-readable category
 * @param message   what was wrong, naming the field and the value
 * @param topic     where the record came from
 * @param partition its partition there (-1 if not known)
 * @param offset    its offset there (-1 when the record was buffered and its offset is not kept)
 * @param exception class name of the exception behind the rejection, or null
 * @param stage     the processor that rejected it
 */
public record DeadLetter(byte[] rawKey, byte[] rawValue, RejectReason reason, String message, String topic,
                         int partition, long offset, String exception, String stage) {

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(stage, "stage");
    }

    /** The error headers, added to whatever headers the original record carried. */
    public Headers headers(Headers original) {
        Headers headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        put(headers, DeadLetterHeaders.REASON, reason.name());
        put(headers, DeadLetterHeaders.MESSAGE, message);
        put(headers, DeadLetterHeaders.TOPIC, topic);
        put(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        put(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
        if (exception != null) {
            put(headers, DeadLetterHeaders.EXCEPTION, exception);
        }
        put(headers, DeadLetterHeaders.STAGE, stage);
        return headers;
    }

    /** As a producer record, for exception handlers that hand dead letters back to Kafka Streams. */
    public ProducerRecord<byte[], byte[]> toProducerRecord(String deadLetterTopic, Headers original) {
        return new ProducerRecord<>(deadLetterTopic, null, rawKey, rawValue, headers(original));
    }

    @Override
    public String toString() {
        return "DeadLetter[" + reason + " from " + topic + "-" + partition + "@" + offset + " at " + stage + ": " + message + "]";
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the original value bytes: a dead letter's value is the rejected record itself. */
    public static final class ValueSerializer implements Serializer<DeadLetter> {
        @Override
        public byte[] serialize(String topic, DeadLetter letter) {
            return letter == null ? null : letter.rawValue();
        }
    }

    /**
     * Keeps a dead letter on the partition number its record came from: the dead-letter topic is
     * co-partitioned, so a partition's dead letters stay in order with its data.
     */
    public static final class SourcePartitioner implements ValuePartitioner<byte[], DeadLetter> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, byte[] key, DeadLetter letter, Headers headers,
                                                 int numPartitions) {
            return letter.partition() < 0 ? Optional.empty() : Optional.of(Set.of(letter.partition() % numPartitions));
        }
    }
}
