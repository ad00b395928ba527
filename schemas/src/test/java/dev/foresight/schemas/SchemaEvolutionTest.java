package dev.foresight.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroSerde;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import dev.foresight.schemas.codec.SchemaCatalogue;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaEvolutionTest {

    @Test
    void telemetryWrittenWithV1IsReadByV2WithTheDefault() throws Exception {
        Schema v1 = load("avro-history/NodeTelemetry-v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("nodeId", "node-0042");
        old.put("timestamp", RecordSamples.T0);
        old.put("tick", 17L);
        old.put("metrics", Map.of("temp_cpu_c", 70.0));
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);

        NodeTelemetry read = AvroSerde.of(NodeTelemetry.class).deserialize("foresight.telemetry", bytes);

        assertThat(read.getNodeId()).isEqualTo("node-0042");
        assertThat(read.getTick()).isEqualTo(17L);
        assertThat(read.getMetrics()).containsEntry("temp_cpu_c", 70.0);
        assertThat(read.getSource()).as("field added in v2 takes its default").isEqualTo("unknown");
        // and the current writer uses the new fingerprint, which old readers would not know: the reason history is kept
        assertThat(AvroCodec.fingerprint(AvroCodec.encode(read))).isNotEqualTo(AvroCodec.fingerprint(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"avro-history/NodeTelemetry-v1.avsc", "avro-history/Prediction-v1.avsc",
            "avro-history/NodeEvent-v1.avsc", "avro-history/ModelRelease-v1.avsc"})
    void currentSchemaCanReadEveryHistoricalOne(String resource) throws Exception {
        Schema old = load(resource);
        Schema current = SchemaCatalogue.RECORD_TYPES.stream()
                .map(type -> SpecificData.get().getSchema(type))
                .filter(schema -> schema.getFullName().equals(old.getFullName()))
                .findFirst().orElseThrow();
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
        assertThat(result.getType()).as(resource).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void predictionWrittenWithV1HasNoHorizonAndNoThreshold() throws Exception {
        Schema v1 = load("avro-history/Prediction-v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("nodeId", "node-0001");
        old.put("timestamp", RecordSamples.T0);
        old.put("tick", 3L);
        old.put("probability", 0.7);
        old.put("alarm", true);
        old.put("modelVersion", 2);

        Prediction read = AvroSerde.of(Prediction.class).deserialize("foresight.predictions", encode(v1, old));

        assertThat(read.getProbability()).isEqualTo(0.7);
        assertThat(read.getHorizonMillis()).as("unknown horizon").isZero();
        assertThat(read.getThreshold()).as("unknown threshold").isNull();
    }

    @Test
    void nodeEventWrittenWithV1HasNoCause() throws Exception {
        Schema v1 = load("avro-history/NodeEvent-v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("nodeId", "node-0001");
        old.put("timestamp", RecordSamples.T0);
        old.put("tick", 3L);
        old.put("type", new GenericData.EnumSymbol(v1.getField("type").schema(), "FAILED"));
        old.put("detail", "sudden");

        NodeEvent read = AvroSerde.of(NodeEvent.class).deserialize("foresight.node-events", encode(v1, old));

        assertThat(read.getType()).isEqualTo(NodeEventType.FAILED);
        assertThat(read.getCause()).isNull();
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws Exception {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema load(String resource) throws Exception {
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
