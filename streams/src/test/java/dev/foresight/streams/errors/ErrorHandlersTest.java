package dev.foresight.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.lockstep.Stages;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handlers {@link StreamsApp} installs, in a real Kafka Streams runtime (TopologyTestDriver) with the
 * application's own configuration: a record that cannot be read or processed becomes a dead letter; a marker
 * that cannot be processed stops the task.
 */
class ErrorHandlersTest {

    @TempDir
    Path stateDir;

    private static final String DEAD_LETTERS = "foresight.dead-letters";

    /** Forwards telemetry; throws on a node called "poison" and on every marker. */
    private static final class Fragile implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private ProcessorContext<String, SpecificRecord> context;

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (record.value() instanceof TickMarker || "poison".equals(record.key())) {
                throw new IllegalStateException("cannot handle " + record.key());
            }
            context.forward(record);
        }
    }

    private TopologyTestDriver driver(boolean exactlyOnce) {
        Topology topology = new Topology();
        topology.addSource("typed-in", new StringDeserializer(), AvroSerde.any(), "in");
        topology.addProcessor("fragile", Fragile::new, "typed-in");
        topology.addSink("out", "out", new StringSerializer(), AvroSerde.any(), "fragile");
        Properties props = StreamsApp.properties(TestSettings.small(stateDir).exactlyOnce(exactlyOnce).build(), Map.of("bootstrap.servers", "unused:9092"));
        return new TopologyTestDriver(topology, props);
    }

    @Test
    void anUndecodableRecordOnATypedSourceIsDeadLetteredAndProcessingGoesOn() {
        // at-least-once here: under exactly_once_v2 TopologyTestDriver loses the records a deserialization
        // handler hands back (they are sent outside its simulated transactions); StreamsEndToEndTest checks
        // this path with exactly-once on a real broker
        try (TopologyTestDriver driver = driver(false)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
            in.pipeInput(bytes("node-1"), bytes("garbage"));
            in.pipeInput(bytes("node-1"), AvroCodec.encode(telemetry()));

            assertThat(deadLetters(driver)).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo(bytes("node-1"));
                assertThat(letter.value()).isEqualTo(bytes("garbage"));
                assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("BAD_HEADER");
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("in");
                assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo("0");
            });
            assertThat(driver.createOutputTopic("out", new StringDeserializer(), AvroSerde.any()).readValuesToList())
                    .containsExactly(telemetry());
        }
    }

    @Test
    void aDataRecordAProcessorFailsOnIsDeadLetteredAndProcessingGoesOn() {
        try (TopologyTestDriver driver = driver(true)) {
            TestInputTopic<String, SpecificRecord> in = driver.createInputTopic("in", new StringSerializer(), AvroSerde.any());
            in.pipeInput("poison", telemetry());
            in.pipeInput("node-1", telemetry());

            assertThat(deadLetters(driver)).singleElement().satisfies(letter -> {
                assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("PROCESSING_FAILED");
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("fragile");
                assertThat(header(letter, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
                assertThat(header(letter, DeadLetterHeaders.MESSAGE)).contains("cannot handle poison");
                assertThat(AvroCodec.decode(letter.value(), NodeTelemetry.class)).isEqualTo(telemetry());
            });
            assertThat(driver.createOutputTopic("out", new StringDeserializer(), AvroSerde.any()).readValuesToList())
                    .hasSize(1);
        }
    }

    @Test
    void aMarkerAProcessorFailsOnStopsTheTask() {
        try (TopologyTestDriver driver = driver(true)) {
            TestInputTopic<String, SpecificRecord> in = driver.createInputTopic("in", new StringSerializer(), AvroSerde.any());
            assertThatThrownBy(() -> in.pipeInput(Stages.MARKER_KEY,
                    new TickMarker(Stages.SIMULATOR, 3L, 0, 1, Fleet.START)))
                    .isInstanceOf(StreamsException.class)
                    .hasStackTraceContaining("cannot handle ~tick");
            assertThat(deadLetters(driver)).isEmpty();
        }
    }

    private static List<TestRecord<byte[], byte[]>> deadLetters(TopologyTestDriver driver) {
        return driver.createOutputTopic(DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    private static NodeTelemetry telemetry() {
        return new NodeTelemetry("node-1", Fleet.START, 0L, Map.of("fan_rpm", 3000.0), "test");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
