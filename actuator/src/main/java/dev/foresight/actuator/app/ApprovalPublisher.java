package dev.foresight.actuator.app;

import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How an operator answers commands awaiting approval: writes an {@link Approval} to the approvals
 * topic, keyed by command id. The running actuator applies it at the next tick it decides, re-checks
 * that the command still fits the cluster and the guardrails, and publishes it with mode APPROVE.
 * Ids awaiting an answer are in the audit trail ({@link AuditReader#awaitingApproval}).
 */
public final class ApprovalPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Duration timeout;

    public ApprovalPublisher(Map<String, Object> clientProperties, ActuatorTopics topics, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(props);
        this.topic = topics.approvals();
        this.timeout = timeout;
    }

    public void approve(String commandId, String operator, String note) {
        publish(Approval.approve(commandId, operator, note));
    }

    public void deny(String commandId, String operator, String note) {
        publish(Approval.deny(commandId, operator, note));
    }

    /** Returns once the broker has the answer. */
    public void publish(Approval approval) {
        try {
            producer.send(new ProducerRecord<>(topic, approval.commandId().getBytes(StandardCharsets.UTF_8), Json.encode(approval)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the answer to " + approval.commandId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send the answer to " + approval.commandId() + " to " + topic + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
    }
}
