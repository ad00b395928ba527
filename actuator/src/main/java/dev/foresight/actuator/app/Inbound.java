package dev.foresight.actuator.app;

import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.json.Json;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.codec.RecordDecodingException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** One consumed record, decoded into what the actuator does with it. */
sealed interface Inbound {

    record State(NodeState state) implements Inbound {}

    /** A tombstone on the compacted cluster-state topic. */
    record NodeGone(String nodeId) implements Inbound {}

    record Forecast(Prediction prediction) implements Inbound {}

    record Marker(TickMarker marker) implements Inbound {}

    record Result(CommandResult result) implements Inbound {}

    record Answer(Approval approval) implements Inbound {}

    /** A record the actuator cannot use; it goes to the dead-letter topic with the reason. */
    record Rejected(DeadLetter letter) implements Inbound {}

    AvroSerde<SpecificRecord> AVRO = AvroSerde.any();

    static Inbound decode(ConsumerRecord<byte[], byte[]> record, ActuatorTopics topics) {
        String topic = record.topic();
        if (record.value() == null) {
            if (topic.equals(topics.clusterState()) && record.key() != null) {
                return new NodeGone(new String(record.key(), StandardCharsets.UTF_8));
            }
            return reject(record, "INVALID_VALUE", "null value (a tombstone) where a record was expected", null);
        }
        if (topic.equals(topics.approvals())) {
            try {
                return new Answer(Json.decode(record.value(), Approval.class));
            } catch (IllegalArgumentException e) {
                return reject(record, "INVALID_VALUE", e.getMessage(), e);
            }
        }
        SpecificRecord value;
        try {
            value = AVRO.deserialize(topic, record.value());
        } catch (RecordDecodingException e) {
            return reject(record, e.reason().name(), e.getMessage(), e);
        }
        if (value instanceof TickMarker marker) {
            return new Marker(marker);
        }
        if (topic.equals(topics.clusterState()) && value instanceof NodeState state) {
            return new State(state);
        }
        if (topic.equals(topics.predictions()) && value instanceof Prediction prediction) {
            return new Forecast(prediction);
        }
        if (topic.equals(topics.commandResults()) && value instanceof CommandResult result) {
            return new Result(result);
        }
        return reject(record, RecordDecodingException.Reason.WRONG_TYPE.name(),
                "a " + value.getSchema().getName() + " does not belong on " + topic, null);
    }

    private static Inbound reject(ConsumerRecord<byte[], byte[]> record, String reason, String message, Exception e) {
        return new Rejected(new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                reason, message, e == null ? null : e.getClass().getName()));
    }
}
