package dev.foresight.experiments.inprocess;

import dev.foresight.actuator.IssuedCommand;
import dev.foresight.actuator.TickDecisions;
import dev.foresight.actuator.app.CommandRecords;
import dev.foresight.actuator.lockstep.TickDecider;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.experiments.loop.DirectPredictionsControlPlane.PredictionSource;
import dev.foresight.producers.sim.AvroMapping;
import dev.foresight.producers.sim.CommandSource;
import dev.foresight.producers.sim.Refusals;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.producers.sim.TickBatch;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.TickSink;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.streams.ForesightTopology;
import dev.foresight.streams.StreamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The pipeline without a broker: the same Kafka Streams topology under {@link TopologyTestDriver} and
 * the same per-tick decision step as the actuator app ({@link TickDecider}), fed tick by tick in the
 * simulator's thread. Records cross it in their Avro wire form, markers included, so the topology
 * sees exactly what it would see on Kafka (one partition).
 */
public final class InProcessPipeline implements TickSink, CommandSource, AutoCloseable {

    private static final byte[] MARKER_KEY = TickPublisher.MARKER_KEY.getBytes(StandardCharsets.UTF_8);

    private final TopologyTestDriver driver; // null: predictions come from elsewhere
    private final TestInputTopic<byte[], byte[]> telemetry;
    private final TestInputTopic<byte[], byte[]> events;
    private final TestOutputTopic<String, SpecificRecord> predictionsOut;
    private final String predictionsTopic;
    private final Path stateDir;
    private final PredictionSource directPredictions;
    private final TickDecider decider; // null: open loop
    private final Map<Long, List<Command>> decided = new HashMap<>();
    private final List<Prediction> lastPredictions = new ArrayList<>();

    /**
     * @param streams           the topology's settings (one partition), or null when {@code directPredictions} decides
     * @param directPredictions predictions without the topology (oracle, or none)
     * @param actuator          the actuator's settings, or null for an open loop
     */
    public InProcessPipeline(StreamsSettings streams, PredictionSource directPredictions, ActuatorSettings actuator) {
        this.directPredictions = directPredictions;
        this.decider = actuator == null ? null : new TickDecider(actuator);
        if (streams == null) {
            driver = null;
            telemetry = null;
            events = null;
            predictionsOut = null;
            predictionsTopic = null;
            stateDir = null;
            return;
        }
        if (streams.topics().partitions() != 1) {
            throw new IllegalArgumentException("the in-process engine runs the topology on one partition, got "
                    + streams.topics().partitions());
        }
        try {
            stateDir = Files.createTempDirectory("foresight-inprocess-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, streams.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-process:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Nothing outlives the driver, so RocksDB would only add a flush per input record: in-memory stores.
        StreamsSettings local = streams.toBuilder().stateDir(stateDir).persistentStores(false).build();
        driver = new TopologyTestDriver(ForesightTopology.build(local), props);
        telemetry = driver.createInputTopic(local.catalogue().name(TopicRole.TELEMETRY), new ByteArraySerializer(), new ByteArraySerializer());
        events = driver.createInputTopic(local.catalogue().name(TopicRole.NODE_EVENTS), new ByteArraySerializer(), new ByteArraySerializer());
        predictionsTopic = local.catalogue().name(TopicRole.PREDICTIONS);
        predictionsOut = driver.createOutputTopic(predictionsTopic, new StringDeserializer(),
                AvroSerde.any().deserializer());
    }

    @Override
    public void publish(TickReport report, Refusals refusals) {
        long tick = report.tick();
        long time = report.timeMillis();
        List<Prediction> predictions = driver != null ? score(report) : directPredictions.predict(report);
        predictions = new ArrayList<>(predictions);
        predictions.sort(Comparator.comparing(Prediction::getNodeId));
        lastPredictions.clear();
        lastPredictions.addAll(predictions);
        if (decider == null) {
            return;
        }
        for (NodeView node : report.nodeStates()) {
            decider.apply(AvroMapping.state(node, tick, time));
        }
        predictions.forEach(decider::apply);
        TickDecisions decisions = decider.decide(tick, time, List.of(), report.outcomes());
        List<Command> commands = new ArrayList<>();
        for (IssuedCommand issued : decisions.commands()) {
            commands.add(CommandRecords.command(issued, time));
        }
        commands.sort(SimulationDriver.COMMAND_ORDER);
        decided.put(tick, commands);
    }

    /** Pipes the tick through the topology and returns its predictions (everything up to its marker). */
    private List<Prediction> score(TickReport report) {
        long tick = report.tick();
        Instant time = Instant.ofEpochMilli(report.timeMillis());
        for (TelemetrySample sample : report.telemetry()) {
            telemetry.pipeInput(new TestRecord<>(bytes(sample.nodeId()), AvroCodec.encode(AvroMapping.telemetry(sample, tick)), time));
        }
        telemetry.pipeInput(new TestRecord<>(MARKER_KEY, AvroCodec.encode(marker(tick, time)), time));
        for (NodeEventRecord event : report.events()) {
            events.pipeInput(new TestRecord<>(bytes(event.nodeId()), AvroCodec.encode(AvroMapping.event(event, tick)), time));
        }
        events.pipeInput(new TestRecord<>(MARKER_KEY, AvroCodec.encode(marker(tick, time)), time));
        List<Prediction> predictions = new ArrayList<>();
        boolean closed = false;
        for (var record : predictionsOut.readRecordsToList()) {
            if (record.value() instanceof Prediction p) {
                predictions.add(p);
            } else if (record.value() instanceof TickMarker m && m.getTick() >= tick) {
                closed = true;
            }
        }
        if (!closed) {
            throw new IllegalStateException("the topology did not close tick " + tick + " after its input was complete");
        }
        discardOtherOutput();
        return predictions;
    }

    /**
     * The test driver keeps every record the topology produces until it is read; features, examples and
     * models nobody reads here would fill the heap within a simulated day.
     */
    private void discardOtherOutput() {
        for (String topic : driver.producedTopicNames()) {
            if (!topic.equals(predictionsTopic)) {
                driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
            }
        }
    }

    private static TickMarker marker(long tick, Instant time) {
        return TickMarker.newBuilder().setStage(TickPublisher.STAGE).setTick(tick).setPartition(0).setPartitionCount(1)
                .setTimestamp(time).build();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public TickBatch<Command> commandsOf(long tick) {
        List<Command> commands = decided.remove(tick);
        return TickBatch.of(commands == null ? List.of() : commands);
    }

    /** The predictions of the last published tick, sorted by node. */
    public List<Prediction> lastPredictions() {
        return List.copyOf(lastPredictions);
    }

    public boolean closedLoop() {
        return decider != null;
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a run for
        }
    }
}
