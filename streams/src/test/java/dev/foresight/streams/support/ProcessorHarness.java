package dev.foresight.streams.support;

import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import dev.foresight.streams.errors.DeadLetter;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.lockstep.TickOpening;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.test.TestRecord;

/**
 * One processor alone under {@link TopologyTestDriver}: a source topic {@code in} of Avro records, the
 * processor, and one sink topic per child the processor forwards to (the topic is named after the child).
 */
public final class ProcessorHarness implements AutoCloseable {

    public static final String INPUT = "in";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, SpecificRecord> input;

    /**
     * @param processor   the processor under test
     * @param stores      the stores it declares
     * @param avroOutputs children it forwards Avro records to
     * @param deadLetters child it forwards dead letters to, or null
     * @param stateDir    where the driver keeps state
     */
    public ProcessorHarness(Supplier<? extends Processor<String, ? super SpecificRecord, ?, ?>> processor, Set<StoreBuilder<?>> stores,
                            List<String> avroOutputs, String deadLetters, Path stateDir) {
        Topology topology = new Topology();
        AvroSerde<SpecificRecord> avro = AvroSerde.any();
        topology.addSource(INPUT, new StringDeserializer(), avro, INPUT);
        ProcessorSupplier<String, Object, Object, Object> supplier = new ProcessorSupplier<>() {
            @Override
            @SuppressWarnings("unchecked")
            public Processor<String, Object, Object, Object> get() {
                return (Processor<String, Object, Object, Object>) (Processor<?, ?, ?, ?>) processor.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
        topology.addProcessor("openings", OpeningAdapter::new, INPUT);
        topology.addProcessor("processor", supplier, "openings");
        for (String output : avroOutputs) {
            topology.addSink(output, output, new StringSerializer(), avro, "processor");
        }
        if (deadLetters != null) {
            topology.addSink(deadLetters, deadLetters, new ByteArraySerializer(), new DeadLetter.ValueSerializer(),
                    "processor");
        }
        StreamsSettings settings = TestSettings.small(stateDir).build();
        Properties props = StreamsApp.properties(settings, Map.of("bootstrap.servers", "unused:9092"));
        this.driver = new TopologyTestDriver(topology, props);
        this.input = driver.createInputTopic(INPUT, new StringSerializer(), avro);
    }

    public void pipe(String key, SpecificRecord value, Instant time) {
        input.pipeInput(key, value, time);
    }

    /** Delivers a {@link TickOpening}, as the aligner does before releasing a tick. */
    public void pipeOpening(long tick, Instant time) {
        input.pipeInput(Stages.MARKER_KEY, new TickMarker(OPENING_STAGE, tick, 0, 1, time), time);
    }

    private static final String OPENING_STAGE = "test-opening";

    /** Turns the test's opening markers into {@link TickOpening}s, which have no wire form. */
    private static final class OpeningAdapter implements Processor<String, SpecificRecord, String, Object> {
        private ProcessorContext<String, Object> context;

        @Override
        public void init(ProcessorContext<String, Object> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (record.value() instanceof TickMarker marker && OPENING_STAGE.equals(marker.getStage())) {
                context.forward(record.withValue(new TickOpening(marker.getTick())));
            } else {
                context.forward(record.withValue(record.value()));
            }
        }
    }

    public List<TestRecord<String, SpecificRecord>> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), AvroSerde.any()).readRecordsToList();
    }

    public List<TestRecord<byte[], byte[]>> deadLetters(String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
    }

    public KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}
