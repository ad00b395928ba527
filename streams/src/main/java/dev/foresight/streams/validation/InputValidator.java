package dev.foresight.streams.validation;

import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.RecordDecodingException;
import dev.foresight.streams.errors.DeadLetter;
import dev.foresight.streams.errors.RejectReason;
import dev.foresight.streams.lockstep.Inbound;
import dev.foresight.streams.lockstep.Lane;
import dev.foresight.streams.lockstep.Stages;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes and checks one input lane's raw records: accepted ones go on as {@link Inbound} (keyed by node
 * id, or the marker key), refused ones to the dead-letter sink with their original bytes and the reason.
 *
 * <p>Why decode here rather than in the source's deserializer: a deserializer can only fail, and a
 * failure handled by Kafka Streams' handler leaves no record in this topology; decoding in a processor
 * makes a dead letter an ordinary output, written in the same transaction as everything else, and lets
 * one place apply the checks that need the decoded value ({@link RecordRules}).
 */
public final class InputValidator implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(InputValidator.class);

    private final Lane lane;
    private final RecordRules rules;
    private final String acceptedNode;
    private final String rejectedNode;
    private final String stage;
    private ProcessorContext<Object, Object> context;

    /**
     * @param lane         which input this validator reads
     * @param rules        the checks
     * @param acceptedNode child that receives accepted records
     * @param rejectedNode child that receives dead letters
     * @param stage        this processor's name, for the dead-letter stage header
     */
    public InputValidator(Lane lane, RecordRules rules, String acceptedNode, String rejectedNode, String stage) {
        this.lane = Objects.requireNonNull(lane, "lane");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.acceptedNode = acceptedNode;
        this.rejectedNode = rejectedNode;
        this.stage = stage;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow(
                () -> new IllegalStateException(stage + " must read directly from a source topic"));
        if (record.value() == null) {
            reject(record, source, RejectReason.NULL_VALUE, "the record has no value", null);
            return;
        }
        SpecificRecord value;
        try {
            value = AvroCodec.decodeAny(record.value());
        } catch (RecordDecodingException e) {
            reject(record, source, RejectReason.valueOf(e.reason().name()), e.getMessage(), e);
            return;
        }
        Optional<Rejection> rejection = check(record, value, source.partition());
        if (rejection.isPresent()) {
            reject(record, source, rejection.get().reason(), rejection.get().message(), null);
            return;
        }
        context.forward(new Record<>(keyOf(value), new Inbound(lane, value, record.value(), record.key()), timeOf(value),
                record.headers()), acceptedNode);
    }

    private Optional<Rejection> check(Record<byte[], byte[]> record, SpecificRecord value, int partition) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (value instanceof TickMarker marker) {
            return rules.check(marker, partition);
        }
        if (lane == Lane.TELEMETRY && value instanceof NodeTelemetry telemetry) {
            return rules.check(key, telemetry);
        }
        if (lane == Lane.NODE_EVENTS && value instanceof NodeEvent event) {
            return rules.check(key, event);
        }
        String expected = lane == Lane.TELEMETRY ? "NodeTelemetry" : "NodeEvent";
        return Optional.of(new Rejection(RejectReason.WRONG_TYPE, "the " + lane.key() + " topic carries " + expected
                + " and TickMarker records, not " + value.getClass().getSimpleName()));
    }

    private void reject(Record<byte[], byte[]> record, RecordMetadata source, RejectReason reason, String message,
                        Exception cause) {
        DeadLetter letter = new DeadLetter(record.key(), record.value(), reason, message, source.topic(),
                source.partition(), source.offset(), cause == null ? null : cause.getClass().getName(), stage);
        LOG.warn("dead-lettering {}", letter);
        context.forward(new Record<>(record.key(), letter, record.timestamp(), letter.headers(record.headers())),
                rejectedNode);
    }

    private static String keyOf(SpecificRecord value) {
        if (value instanceof NodeTelemetry telemetry) {
            return telemetry.getNodeId();
        }
        if (value instanceof NodeEvent event) {
            return event.getNodeId();
        }
        return Stages.MARKER_KEY;
    }

    private static long timeOf(SpecificRecord value) {
        if (value instanceof NodeTelemetry telemetry) {
            return telemetry.getTimestamp().toEpochMilli();
        }
        if (value instanceof NodeEvent event) {
            return event.getTimestamp().toEpochMilli();
        }
        return ((TickMarker) value).getTimestamp().toEpochMilli();
    }
}
