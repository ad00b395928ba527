package dev.foresight.streams.errors;

import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a processor throws on a data record: dead-letter that record (as the failing processor saw it) and
 * carry on with the next. When it throws on a tick marker: fail. A lost marker would stall the lockstep
 * silently forever; a failed task is loud (the uncaught exception handler and the app's health report it),
 * and with exactly-once its state rolls back, so a fixed build resumes exactly where it stopped.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private String topic;

    @Override
    public void configure(Map<String, ?> configs) {
        topic = DeadLetterDeserializationHandler.deadLetterTopic(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (record.value() instanceof TickMarker marker) {
            LOG.error("processor {} failed on the marker for tick {} of partition {}: failing the task, since "
                            + "skipping a marker would stall the lockstep", context.processorNodeId(), marker.getTick(),
                    marker.getPartition(), exception);
            return Response.fail();
        }
        byte[] key = record.key() instanceof byte[] bytes ? bytes
                : record.key() == null ? null : record.key().toString().getBytes(StandardCharsets.UTF_8);
        byte[] value = record.value() instanceof SpecificRecord avro ? AvroCodec.encode(avro)
                : record.value() instanceof byte[] bytes ? bytes : context.sourceRawValue();
        DeadLetter letter = new DeadLetter(key, value, RejectReason.PROCESSING_FAILED,
                "processor " + context.processorNodeId() + " failed on "
                        + (record.value() == null ? "a null value" : "a " + record.value().getClass().getSimpleName())
                        + " with key " + record.key() + ": " + exception,
                context.topic() == null ? "unknown" : context.topic(), context.partition(), context.offset(),
                exception.getClass().getName(), context.processorNodeId());
        LOG.error("dead-lettering {}", letter, exception);
        return Response.resume(List.of(letter.toProducerRecord(topic, record.headers())));
    }
}
