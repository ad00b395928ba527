package dev.foresight.cli.metrics;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Feeds {@link PipelineMeters} from inside any Kafka producer or consumer, through the standard
 * {@code interceptor.classes} setting: the pipeline's clients live in other modules, and this is how a
 * command observes them without touching their code. One class for both roles, so the same client
 * properties can be handed to code that builds producers and consumers from one map (as the actuator
 * does). Never throws: a metrics problem must not fail a send or a poll.
 */
public final class PipelineInterceptor implements ProducerInterceptor<Object, Object>, ConsumerInterceptor<Object, Object> {

    private final PipelineMeters meters = PipelineMeters.global();

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        try {
            meters.record(PipelineMeters.Direction.OUT, record.topic(), record.key(), record.value());
        } catch (RuntimeException e) {
            // counted or not, the record goes out unchanged
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // sends are counted when made; delivery failures surface through the Kafka client metrics
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        try {
            for (ConsumerRecord<Object, Object> record : records) {
                meters.record(PipelineMeters.Direction.IN, record.topic(), record.key(), record.value());
            }
        } catch (RuntimeException e) {
            // the records reach the application unchanged
        }
        return records;
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        // nothing to count
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // the meters are the process's global ones
    }

    @Override
    public void close() {
        // the meters outlive any one client
    }
}
