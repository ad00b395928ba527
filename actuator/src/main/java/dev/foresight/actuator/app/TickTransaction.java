package dev.foresight.actuator.app;

import dev.foresight.actuator.IssuedCommand;
import dev.foresight.actuator.TickDecisions;
import dev.foresight.actuator.audit.AuditEntry;
import dev.foresight.actuator.json.Json;
import dev.foresight.schemas.codec.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Writes everything one tick produced as one Kafka transaction, in this order: the commands (key =
 * subject), the tick marker on every partition of the commands topic (after the commands, so a reader
 * that sees marker k on a partition has seen all of tick k's commands there), the audit entries, the
 * dead letters, the state snapshot, and the consumed offsets.
 */
final class TickTransaction {

    /** The producer can no longer commit (fenced by a newer instance, or broken): the app must stop. */
    static final class FatalCommitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FatalCommitException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<byte[], byte[]> producer;
    private final ActuatorTopics topics;

    TickTransaction(Producer<byte[], byte[]> producer, ActuatorTopics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /**
     * @return true when committed, false when aborted (nothing of it is visible to read_committed readers)
     * @throws FatalCommitException when the producer cannot go on
     */
    boolean commit(TickDecisions decisions, long timeMillis, List<DeadLetter> deadLetters, byte[] state,
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        try {
            producer.beginTransaction();
            for (IssuedCommand issued : decisions.commands()) {
                producer.send(new ProducerRecord<>(topics.commands(), null, timeMillis, utf8(issued.decision().proposal().subject()),
                        AvroCodec.encode(CommandRecords.command(issued, timeMillis))));
            }
            int partitions = producer.partitionsFor(topics.commands()).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topics.commands(), p, timeMillis, null,
                        AvroCodec.encode(CommandRecords.marker(ActuatorApp.STAGE, decisions.tick(), p, partitions, timeMillis))));
            }
            for (AuditEntry entry : decisions.audit()) {
                producer.send(new ProducerRecord<>(topics.audit(), null, timeMillis, utf8(entry.commandId()), Json.encode(entry)));
            }
            for (DeadLetter letter : deadLetters) {
                producer.send(letter.toRecord(topics.deadLetters()));
            }
            producer.send(new ProducerRecord<>(topics.state(), 0, timeMillis, utf8(StateSnapshot.KEY), state));
            producer.sendOffsetsToTransaction(offsets, group);
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new FatalCommitException("tick " + decisions.tick() + " cannot be committed, this actuator must stop: " + e, e);
        } catch (KafkaException e) {
            producer.abortTransaction();
            return false;
        }
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
