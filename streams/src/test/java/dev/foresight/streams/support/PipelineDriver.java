package dev.foresight.streams.support;

import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.streams.ForesightTopology;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import dev.foresight.streams.lockstep.Stages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole topology under {@link TopologyTestDriver}, fed the way the simulator feeds Kafka: a tick's
 * telemetry and node events (raw Avro bytes, keyed by node), then a simulator marker on each lane.
 * TopologyTestDriver runs one task on partition 0, so settings for it use one partition.
 */
public final class PipelineDriver implements AutoCloseable {

    private final TopicCatalogue topics;
    private final TopologyTestDriver driver;
    private final TestInputTopic<byte[], byte[]> telemetry;
    private final TestInputTopic<byte[], byte[]> events;
    private final TestOutputTopic<String, SpecificRecord> features;
    private final TestOutputTopic<String, SpecificRecord> training;
    private final TestOutputTopic<String, SpecificRecord> predictions;
    private final TestOutputTopic<String, SpecificRecord> models;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    public PipelineDriver(StreamsSettings settings) {
        this.topics = settings.catalogue();
        Properties props = StreamsApp.properties(settings, Map.of("bootstrap.servers", "unused:9092"));
        this.driver = new TopologyTestDriver(ForesightTopology.build(settings), props);
        ByteArraySerializer bytes = new ByteArraySerializer();
        this.telemetry = driver.createInputTopic(topics.name(TopicRole.TELEMETRY), bytes, bytes);
        this.events = driver.createInputTopic(topics.name(TopicRole.NODE_EVENTS), bytes, bytes);
        this.features = output(TopicRole.FEATURES);
        this.training = output(TopicRole.TRAINING);
        this.predictions = output(TopicRole.PREDICTIONS);
        this.models = output(TopicRole.MODELS);
        this.deadLetters = driver.createOutputTopic(topics.name(TopicRole.DEAD_LETTERS),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private TestOutputTopic<String, SpecificRecord> output(TopicRole role) {
        return driver.createOutputTopic(topics.name(role), new StringDeserializer(), AvroSerde.any());
    }

    /** One tick as the simulator writes it: events, telemetry, then both lanes' markers. */
    public void pipeTick(Fleet.Tick tick) {
        tick.events().forEach(this::pipeEvent);
        tick.telemetry().forEach(this::pipeTelemetry);
        pipeEventsMarker(tick.tick(), tick.time());
        pipeTelemetryMarker(tick.tick(), tick.time());
    }

    public void pipeTelemetry(NodeTelemetry record) {
        telemetry.pipeInput(key(record.getNodeId()), AvroCodec.encode(record), record.getTimestamp());
    }

    public void pipeEvent(NodeEvent record) {
        events.pipeInput(key(record.getNodeId()), AvroCodec.encode(record), record.getTimestamp());
    }

    public void pipeTelemetryMarker(long tick, Instant time) {
        telemetry.pipeInput(key(Stages.MARKER_KEY), AvroCodec.encode(marker(tick, time)), time);
    }

    public void pipeEventsMarker(long tick, Instant time) {
        events.pipeInput(key(Stages.MARKER_KEY), AvroCodec.encode(marker(tick, time)), time);
    }

    /** Raw bytes onto the telemetry topic, as a broken producer would write them. */
    public void pipeRawTelemetry(byte[] key, byte[] value, Instant time) {
        telemetry.pipeInput(key, value, time);
    }

    public void pipeRawEvent(byte[] key, byte[] value, Instant time) {
        events.pipeInput(key, value, time);
    }

    public static TickMarker marker(long tick, Instant time) {
        return new TickMarker(Stages.SIMULATOR, tick, 0, 1, time);
    }

    public static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public List<TestRecord<String, SpecificRecord>> features() {
        return features.readRecordsToList();
    }

    public List<TestRecord<String, SpecificRecord>> training() {
        return training.readRecordsToList();
    }

    public List<TestRecord<String, SpecificRecord>> predictions() {
        return predictions.readRecordsToList();
    }

    public List<TestRecord<String, SpecificRecord>> models() {
        return models.readRecordsToList();
    }

    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
