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
import org.junit.jupiter.api.Test;

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

    @Test
    void currentSchemaCanReadEveryHistoricalOne() throws Exception {
        Schema v1 = load("avro-history/NodeTelemetry-v1.avsc");
        var result = SchemaCompatibility.checkReaderWriterCompatibility(NodeTelemetry.getClassSchema(), v1);
        assertThat(result.getType()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    private static Schema load(String resource) throws Exception {
        try (InputStream in = SchemaEvolutionTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new Schema.Parser().parse(in);
        }
    }
}
