package dev.foresight.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.streams.support.Fleet;
import dev.foresight.streams.support.PipelineDriver;
import dev.foresight.streams.support.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input goes to the dead-letter topic, as it came and with the reason; good input flows on. */
class InputValidationTest {

    @TempDir
    Path stateDir;

    private static final Instant T0 = Fleet.START;

    @Test
    void undecodableBytesAreDeadLetteredWithTheirCodecReason() {
        byte[] valid = AvroCodec.encode(telemetry("node-0001", Map.of("fan_rpm", 3000.0)));
        byte[] unknownSchema = valid.clone();
        unknownSchema[2] ^= 0x5A; // another writer fingerprint
        byte[] truncated = Arrays.copyOf(valid, valid.length - 6);
        byte[] event = AvroCodec.encode(new NodeEvent("node-0001", T0, 0L, NodeEventType.FAILED, null, null));

        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            pipeline.pipeRawTelemetry(key("node-0001"), "not avro".getBytes(StandardCharsets.UTF_8), T0);
            pipeline.pipeRawTelemetry(key("node-0001"), unknownSchema, T0);
            pipeline.pipeRawTelemetry(key("node-0001"), truncated, T0);
            pipeline.pipeRawTelemetry(key("node-0001"), event, T0);
            pipeline.pipeRawTelemetry(key("node-0001"), null, T0);

            List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
            assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON))
                    .containsExactly("BAD_HEADER", "UNKNOWN_SCHEMA", "CORRUPT_DATUM", "WRONG_TYPE", "NULL_VALUE");
            assertThat(letters.get(1).value()).as("the raw bytes, untouched").isEqualTo(unknownSchema);
            assertThat(letters.get(2).key()).isEqualTo(key("node-0001"));
            for (int i = 0; i < letters.size(); i++) {
                TestRecord<byte[], byte[]> letter = letters.get(i);
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo("foresight.telemetry");
                assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("0");
                assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Integer.toString(i));
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("validate-telemetry");
                assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank();
            }
            assertThat(header(letters.get(0), DeadLetterHeaders.EXCEPTION))
                    .isEqualTo("dev.foresight.schemas.codec.RecordDecodingException");
            assertThat(header(letters.get(3), DeadLetterHeaders.MESSAGE)).contains("NodeEvent");
        }
    }

    @Test
    void impossibleValuesAreDeadLetteredNamingTheMetric() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("temp_cpu_c", Double.NaN)));
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("power_watts", Double.POSITIVE_INFINITY)));
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("fan_rpm", -5.0)));
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("ecc_correctable_total", -1.0)));
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("cpu_util", -0.1)));
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("temp_inlet_c", -4.0))); // Celsius may be negative

            List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
            assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsOnly("INVALID_VALUE")
                    .hasSize(5);
            assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.MESSAGE)).satisfiesExactly(
                    m -> assertThat(m).contains("temp_cpu_c", "NaN"),
                    m -> assertThat(m).contains("power_watts", "Infinity"),
                    m -> assertThat(m).contains("fan_rpm", "-5.0", "cannot be negative"),
                    m -> assertThat(m).contains("ecc_correctable_total"),
                    m -> assertThat(m).contains("cpu_util"));
        }
    }

    @Test
    void unknownNodesAndMisplacedRecordsAreDeadLettered() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir)
                .knownNodes(Set.of("node-0001", "node-0002")).build())) {
            pipeline.pipeTelemetry(telemetry("node 1; drop table", Map.of()));
            pipeline.pipeTelemetry(telemetry("node-0099", Map.of()));
            pipeline.pipeRawTelemetry(key("node-0002"), AvroCodec.encode(telemetry("node-0001", Map.of())), T0);
            pipeline.pipeRawEvent(key("node-0003"), AvroCodec.encode(
                    new NodeEvent("node-0003", T0, 0L, NodeEventType.FAILED, null, null)), T0);
            pipeline.pipeRawTelemetry(key("~tick"), AvroCodec.encode(new TickMarker("simulator", 0L, 1, 2, T0)), T0);

            List<TestRecord<byte[], byte[]>> letters = pipeline.deadLetters();
            assertThat(letters).extracting(r -> header(r, DeadLetterHeaders.REASON)).containsExactly(
                    "UNKNOWN_NODE", "UNKNOWN_NODE", "KEY_MISMATCH", "UNKNOWN_NODE", "MISROUTED_MARKER");
            assertThat(header(letters.get(0), DeadLetterHeaders.MESSAGE)).contains("does not match the pattern");
            assertThat(header(letters.get(1), DeadLetterHeaders.MESSAGE)).contains("not in the node registry");
            assertThat(header(letters.get(3), DeadLetterHeaders.TOPIC)).isEqualTo("foresight.node-events");
            assertThat(header(letters.get(4), DeadLetterHeaders.MESSAGE)).contains("names partition 1", "partition 0");
        }
    }

    @Test
    void theApplicationCarriesOnAfterBadInput() {
        try (PipelineDriver pipeline = new PipelineDriver(TestSettings.small(stateDir).build())) {
            pipeline.pipeRawTelemetry(key("node-0001"), new byte[] {(byte) 0xC3, 0x01}, T0);
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("fan_rpm", Double.NaN)));
            pipeline.pipeTelemetry(telemetry("node-0001", Map.of("fan_rpm", 3100.0)));
            pipeline.pipeEventsMarker(0, T0);
            pipeline.pipeTelemetryMarker(0, T0);

            assertThat(pipeline.deadLetters()).hasSize(2);
            assertThat(pipeline.features()).first().satisfies(r -> {
                FeatureVector vector = (FeatureVector) r.value();
                assertThat(vector.getNodeId()).isEqualTo("node-0001");
                assertThat(vector.getValues().get(vector.getNames().indexOf("w5m.fan_rpm.last"))).isEqualTo(3100.0);
            });
            assertThat(pipeline.predictions()).hasSize(2);
        }
    }

    @Test
    void theNonNegativeRuleCoversTheSimulatorsVocabulary() {
        RecordRules rules = RecordRules.from(TestSettings.small(stateDir).build());
        assertThat(List.of("cpu_util", "mem_util", "vm_count", "power_watts", "fan_rpm", "net_mbps",
                "ecc_correctable_total", "ecc_uncorrectable_total", "inlet_k"))
                .allMatch(rules::nonNegative);
        assertThat(List.of("temp_cpu_c", "temp_inlet_c", "psu_voltage_v", "load_delta")).noneMatch(rules::nonNegative);
    }

    private static NodeTelemetry telemetry(String node, Map<String, Double> metrics) {
        return new NodeTelemetry(node, T0, 0L, metrics, "test");
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
