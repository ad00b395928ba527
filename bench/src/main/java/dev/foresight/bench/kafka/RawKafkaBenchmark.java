package dev.foresight.bench.kafka;

import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.codec.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor under everything else: raw produce and consume throughput of telemetry-shaped records on a
 * broker, with the producer settings of the platform notes (acks=all, linger 20 ms, 256 KiB batches, lz4).
 *
 * <p>Values are NodeTelemetry records as the simulator writes them (eleven metrics, Avro single-object
 * encoding), drawn from a pool of 4,096 distinct ones so compression sees realistic variety. Produce time
 * runs from the first send to the end of {@code flush()}; consume time from the first poll to the last record,
 * read by a consumer without a group from the beginning of every partition.
 */
public final class RawKafkaBenchmark {

    /** Both rates, and the size of a value. */
    public record Result(long records, int partitions, int valueBytes, double produceSeconds, double consumeSeconds) {
        public double producePerSecond() {
            return records / produceSeconds;
        }

        public double consumePerSecond() {
            return records / consumeSeconds;
        }
    }

    private static final List<String> GAUGES = List.of("cpu_util", "mem_util", "vm_count", "power_watts",
            "temp_cpu_c", "temp_inlet_c", "fan_rpm", "psu_voltage_v", "net_mbps");

    private RawKafkaBenchmark() {}

    /** Creates {@code topic} ({@code partitions} partitions), writes {@code records} records to it, reads them back. */
    public static Result run(Map<String, Object> client, String topic, long records, int partitions) throws Exception {
        try (Admin admin = Admin.create(new HashMap<>(client))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
        }
        byte[][] keys = new byte[4096][];
        byte[][] values = new byte[4096][];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < values.length; i++) {
            String node = String.format(Locale.ROOT, "node-%04d", i % 1024);
            Map<String, Double> metrics = new TreeMap<>();
            for (String gauge : GAUGES) {
                metrics.put(gauge, Math.round(random.nextDouble() * 10_000) / 100.0);
            }
            metrics.put("ecc_correctable_total", (double) random.nextInt(1000));
            metrics.put("ecc_uncorrectable_total", 0.0);
            keys[i] = node.getBytes(StandardCharsets.UTF_8);
            values[i] = AvroCodec.encode(new NodeTelemetry(node, Instant.ofEpochSecond(1_700_000_000L + i * 60L), (long) i,
                    metrics, "simulator"));
        }
        Map<String, Object> producerProps = new HashMap<>(client);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerProps.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < records; i++) {
                int k = (int) (i % values.length);
                producer.send(new ProducerRecord<>(topic, keys[k], values[k]));
            }
            producer.flush();
        }
        double produceSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, Object> consumerProps = new HashMap<>(client);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        consumerProps.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        long read = 0;
        double consumeSeconds;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            start = System.nanoTime();
            while (read < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(100));
                read += batch.count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + read + " of " + records + " records in 10 minutes");
                }
            }
            consumeSeconds = (System.nanoTime() - start) / 1e9;
        }
        return new Result(records, partitions, values[0].length, produceSeconds, consumeSeconds);
    }
}
