package dev.foresight.streams.errors;

import dev.foresight.schemas.codec.RecordDecodingException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record whose source deserializer failed to the dead-letter topic and carries on. The external
 * inputs are read as bytes and validated by processors, so this only meets corrupt records on the
 * application's own internal topics; it is the safety net that keeps one bad record from stopping the
 * application. The dead letter is handed back to Kafka Streams, which writes it in the task's transaction.
 *
 * <p>Configured with {@value #DEAD_LETTER_TOPIC_CONFIG} (set by {@code StreamsApp}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    /** Streams config key naming the dead-letter topic. */
    public static final String DEAD_LETTER_TOPIC_CONFIG = "foresight.dead.letter.topic";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = deadLetterTopic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        RejectReason reason = exception instanceof RecordDecodingException decoding
                ? RejectReason.valueOf(decoding.reason().name())
                : RejectReason.DESERIALIZATION_FAILED;
        DeadLetter letter = new DeadLetter(record.key(), record.value(), reason, String.valueOf(exception.getMessage()),
                record.topic(), record.partition(), record.offset(), exception.getClass().getName(),
                context.processorNodeId());
        LOG.warn("dead-lettering {}", letter);
        return Response.resume(List.of(letter.toProducerRecord(topic, record.headers())));
    }

    static String deadLetterTopic(Map<String, ?> configs) {
        Object value = configs.get(DEAD_LETTER_TOPIC_CONFIG);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException(DEAD_LETTER_TOPIC_CONFIG + " is not set: dead-letter handlers need the topic");
        }
        return value.toString();
    }
}
