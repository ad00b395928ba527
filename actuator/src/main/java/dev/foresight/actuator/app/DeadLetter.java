package dev.foresight.actuator.app;

import dev.foresight.schemas.codec.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** A consumed record the actuator could not use, with why: nothing is dropped silently. */
record DeadLetter(String topic, int partition, long offset, byte[] key, byte[] value, String reason, String message,
        String exception) {

    static final String STAGE = "actuator";

    ProducerRecord<byte[], byte[]> toRecord(String deadLetterTopic) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.MESSAGE, utf8(message));
        headers.add(DeadLetterHeaders.TOPIC, utf8(topic));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(partition)));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(offset)));
        headers.add(DeadLetterHeaders.STAGE, utf8(STAGE));
        if (exception != null) {
            headers.add(DeadLetterHeaders.EXCEPTION, utf8(exception));
        }
        return new ProducerRecord<>(deadLetterTopic, null, null, key, value, headers);
    }

    private static byte[] utf8(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
