package dev.foresight.producers.sim;

import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one tick's records to their topics and closes the tick with a {@link TickMarker} on every
 * partition of each marked topic, in one Kafka transaction: a read_committed consumer sees a tick
 * whole or not at all, and a crash mid-tick leaves nothing half-written. Used by the simulator and by
 * replay, so both speak the same lockstep protocol.
 */
public final class MarkedTickWriter implements AutoCloseable {

    /** Key of marker records; markers are addressed to an explicit partition, the key only labels them. */
    public static final String MARKER_KEY = "~tick";

    /** A record and the key it is partitioned by (the node id for node-keyed topics). */
    public record Keyed(String key, SpecificRecord value) {}

    // bytes, not Avro: dead letters travel in the same transaction as the tick, with their bytes untouched
    private final KafkaProducer<byte[], byte[]> producer;
    private final AvroSerde<SpecificRecord> avro = AvroSerde.any();
    private final TopicCatalogue catalogue;
    private final String stage;
    private long recordsSent;

    public MarkedTickWriter(Map<String, Object> clientProperties, TopicCatalogue catalogue, String stage, String transactionalId) {
        this.catalogue = catalogue;
        this.stage = stage;
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /**
     * Writes the records (timestamped with {@code timeMillis}: simulated time, so Streams windows work on
     * event time) and the markers of {@code tick} on every partition of every topic in {@code marked}.
     */
    public void writeTick(long tick, long timeMillis, Map<TopicRole, List<Keyed>> records, List<TopicRole> marked) {
        writeTick(tick, timeMillis, records, marked, List.of());
    }

    /** As above, plus records already in their final form (dead letters), written in the same transaction. */
    public void writeTick(long tick, long timeMillis, Map<TopicRole, List<Keyed>> records, List<TopicRole> marked,
            List<ProducerRecord<byte[], byte[]>> raw) {
        producer.beginTransaction();
        try {
            for (var entry : records.entrySet()) {
                String topic = catalogue.name(entry.getKey());
                for (Keyed keyed : entry.getValue()) {
                    producer.send(new ProducerRecord<>(topic, null, timeMillis, utf8(keyed.key()), avro.serialize(topic, keyed.value())));
                    recordsSent++;
                }
            }
            for (ProducerRecord<byte[], byte[]> record : raw) {
                producer.send(record);
                recordsSent++;
            }
            int partitions = catalogue.settings().partitions();
            for (TopicRole role : marked) {
                String topic = catalogue.name(role);
                for (int p = 0; p < partitions; p++) {
                    TickMarker marker = TickMarker.newBuilder().setStage(stage).setTick(tick).setPartition(p)
                            .setPartitionCount(partitions).setTimestamp(Instant.ofEpochMilli(timeMillis)).build();
                    producer.send(new ProducerRecord<>(topic, p, timeMillis, utf8(MARKER_KEY), avro.serialize(topic, marker)));
                    recordsSent++;
                }
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** The bytes Kafka's StringSerializer would write (UTF-8), so keys and partitioning are as before. */
    private static byte[] utf8(String key) {
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public long recordsSent() {
        return recordsSent;
    }

    @Override
    public void close() {
        producer.close();
    }
}
