package dev.foresight.producers.sim;

import dev.foresight.schemas.codec.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A refused record as a {@code foresight.dead-letters} record: the original key and value bytes,
 * untouched so the record can be replayed once fixed, and the reason headers every stage writes.
 */
final class DeadLetterRecords {

    private DeadLetterRecords() {}

    /**
     * @param partitions the dead-letter topic's partition count; the letter keeps its source partition
     *                   number (the topics are co-partitioned), so a partition's letters stay in log order
     * @param timeMillis simulated time of the tick that publishes it, so the letter is as reproducible as the tick
     */
    static ProducerRecord<byte[], byte[]> of(Refusal refusal, String stage, String deadLetterTopic, int partitions,
            long timeMillis) {
        RawRecord raw = refusal.raw();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, utf8(refusal.reason()));
        headers.add(DeadLetterHeaders.MESSAGE, utf8(refusal.message()));
        headers.add(DeadLetterHeaders.TOPIC, utf8(raw.topic()));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(raw.partition())));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(raw.offset())));
        headers.add(DeadLetterHeaders.STAGE, utf8(stage));
        if (refusal.exception() != null) {
            headers.add(DeadLetterHeaders.EXCEPTION, utf8(refusal.exception()));
        }
        return new ProducerRecord<>(deadLetterTopic, raw.partition() % partitions, timeMillis, raw.key(), raw.value(), headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
