package dev.foresight.actuator.app;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.PlacedVm;
import dev.foresight.schemas.PowerState;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays the simulator and the scoring stage for one tick at a time (states, predictions, their tick
 * markers), and reads back what the actuator committed on the commands topic.
 */
final class PipelineDriver implements AutoCloseable {

    /** A record read back from the commands topic. */
    record Output(int partition, long offset, String key, SpecificRecord value) {}

    private final ActuatorTopics topics;
    private final int partitions;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> committedReader;
    private final List<Output> outputs = new ArrayList<>();

    PipelineDriver(Map<String, Object> clientProperties, ActuatorTopics topics) {
        this.topics = topics;
        this.partitions = topics.catalogue().settings().partitions();
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // plays stages that would write transactionally; here plain retries in order are enough, and avoid
        // an idempotent producer's out-of-order sequences on partitions created a moment before
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.producer = new KafkaProducer<>(p);
        this.committedReader = reader(clientProperties, "read_committed");
        List<TopicPartition> commandPartitions = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            commandPartitions.add(new TopicPartition(topics.commands(), i));
        }
        committedReader.assign(commandPartitions);
        committedReader.seekToBeginning(commandPartitions);
    }

    static KafkaConsumer<byte[], byte[]> reader(Map<String, Object> clientProperties, String isolation) {
        Map<String, Object> c = new HashMap<>(clientProperties);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(c);
    }

    void publishTick(long tick, List<NodeState> states, List<Prediction> predictions) {
        long time = tick * 60_000L;
        for (NodeState state : states) {
            send(topics.clusterState(), null, state.getNodeId(), AvroCodec.encode(state), time);
        }
        for (Prediction prediction : predictions) {
            send(topics.predictions(), null, prediction.getNodeId(), AvroCodec.encode(prediction), time);
        }
        publishMarkers(tick);
    }

    void publishMarkers(long tick) {
        long time = tick * 60_000L;
        for (String topic : List.of(topics.clusterState(), topics.predictions())) {
            for (int p = 0; p < partitions; p++) {
                TickMarker marker = TickMarker.newBuilder().setStage("test").setTick(tick).setPartition(p)
                        .setPartitionCount(partitions).setTimestamp(Instant.ofEpochMilli(time)).build();
                // the compacted cluster-state topic refuses null keys: one marker key per partition
                send(topic, p, "__tick-marker-" + p, AvroCodec.encode(marker), time);
            }
        }
        producer.flush();
    }

    void sendRaw(String topic, String key, byte[] value) {
        send(topic, null, key, value, 0L);
        producer.flush();
    }

    private void send(String topic, Integer partition, String key, byte[] value, long time) {
        producer.send(new ProducerRecord<>(topic, partition, time, key.getBytes(StandardCharsets.UTF_8), value));
    }

    /** Reads whatever has been committed since the last call; returns everything read so far. */
    List<Output> committedOutputs() {
        for (ConsumerRecord<byte[], byte[]> r : committedReader.poll(Duration.ofMillis(200))) {
            outputs.add(new Output(r.partition(), r.offset(), r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                    AvroCodec.decodeAny(r.value())));
        }
        return List.copyOf(outputs);
    }

    /** Commands decided at the tick, in command id order (partitions interleave them arbitrarily). */
    List<Command> commandsOfTick(long tick) {
        return commands().stream().filter(c -> c.getTick() == tick).toList();
    }

    List<Command> commands() {
        return outputs.stream().map(Output::value).filter(v -> v instanceof Command).map(Command.class::cast)
                .sorted(java.util.Comparator.comparing(Command::getCommandId)).toList();
    }

    long markersOfTick(long tick) {
        return outputs.stream().map(Output::value)
                .filter(v -> v instanceof TickMarker m && m.getTick() == tick && m.getStage().equals(ActuatorApp.STAGE))
                .count();
    }

    int partitions() {
        return partitions;
    }

    @Override
    public void close() {
        producer.close();
        committedReader.close();
    }

    static NodeState node(String id, String rack, long tick, boolean quarantined, PlacedVm... vms) {
        return NodeState.newBuilder()
                .setNodeId(id).setRackId(rack).setTimestamp(Instant.ofEpochMilli(tick * 60_000L)).setTick(tick)
                .setPower(PowerState.ON).setHealth(Health.HEALTHY).setQuarantined(quarantined)
                .setCores(16).setMemoryMb(65_536)
                .setUsedCores(List.of(vms).stream().mapToInt(PlacedVm::getCores).sum())
                .setUsedMemoryMb(List.of(vms).stream().mapToLong(PlacedVm::getMemoryMb).sum())
                .setVms(List.of(vms))
                .build();
    }

    static PlacedVm vm(String vmId, String jobId) {
        return PlacedVm.newBuilder().setVmId(vmId).setJobId(jobId).setCores(4).setMemoryMb(8192)
                .setPassthrough(false).setPriority(0).setMigrating(false).setCheckpointing(false).build();
    }

    static Prediction prediction(String nodeId, long tick, double probability, boolean alarm) {
        return Prediction.newBuilder().setNodeId(nodeId).setTimestamp(Instant.ofEpochMilli(tick * 60_000L)).setTick(tick)
                .setProbability(probability).setAlarm(alarm).setModelVersion(1).build();
    }

    /** A prediction that carries its model's horizon and alarm threshold. */
    static Prediction prediction(String nodeId, long tick, double probability, boolean alarm, long horizonMillis,
            double threshold) {
        return Prediction.newBuilder(prediction(nodeId, tick, probability, alarm))
                .setHorizonMillis(horizonMillis).setThreshold(threshold).build();
    }
}
