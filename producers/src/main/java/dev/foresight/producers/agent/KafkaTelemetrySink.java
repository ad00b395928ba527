package dev.foresight.producers.agent;

import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.codec.AvroSerde;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes samples to the telemetry topic, keyed by node id, and waits for each to be acknowledged: one
 * record every few seconds needs no batching, and a broker that stops answering should stop the agent
 * with its error rather than pile samples up in memory.
 */
public final class KafkaTelemetrySink implements TelemetrySink {

    private final KafkaProducer<String, NodeTelemetry> producer;
    private final String topic;
    private final Duration timeout;

    public KafkaTelemetrySink(Map<String, Object> kafka, String topic, Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "foresight-agent");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), AvroSerde.of(NodeTelemetry.class));
        this.topic = topic;
        this.timeout = timeout;
    }

    @Override
    public void publish(NodeTelemetry sample) {
        try {
            producer.send(new ProducerRecord<>(topic, null, sample.getTimestamp().toEpochMilli(), sample.getNodeId(), sample))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no acknowledgement from Kafka for " + topic + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
