package dev.foresight.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.codec.RecordDecodingException;
import dev.foresight.schemas.codec.RecordDecodingException.Reason;
import dev.foresight.schemas.codec.SchemaCatalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroCodecTest {

    @Test
    void everyRecordTypeRoundTripsInMemory() {
        for (SpecificRecord record : RecordSamples.all()) {
            byte[] bytes = AvroCodec.encode(record);
            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
            assertThat(bytes[1]).isEqualTo((byte) 0x01);
            assertThat(AvroCodec.decodeAny(bytes)).isEqualTo(record);
            assertThat(AvroSerde.of(record.getClass()).deserialize("t", bytes)).isEqualTo(record);
        }
    }

    /** The codec writes the header itself: it must stay byte for byte what any Avro single-object reader expects. */
    @Test
    void encodingIsAvrosOwnSingleObjectEncoding() throws IOException {
        for (SpecificRecord record : RecordSamples.all()) {
            ByteBuffer avro = new BinaryMessageEncoder<SpecificRecord>(SpecificData.get(), record.getSchema()).encode(record);
            byte[] expected = new byte[avro.remaining()];
            avro.get(expected);
            assertThat(AvroCodec.encode(record)).as(record.getClass().getSimpleName()).isEqualTo(expected);
        }
    }

    /** Shared immutable name lists are written from memory; the bytes must stay Avro's, and other lists are not memoized. */
    @Test
    void nameListsAreWrittenAsAvroWritesThemWhetherMemoizedOrNot() throws IOException {
        List<String> names = List.copyOf(IntStream.range(0, 20).mapToObj(i -> "w10m.metric" + i + ".mean").toList());
        List<Double> values = IntStream.range(0, 20).mapToObj(i -> (double) i).toList();
        FeatureVector shared = new FeatureVector("n1", Instant.ofEpochSecond(60), 1L, names, values);
        byte[] first = AvroCodec.encode(shared);
        byte[] second = AvroCodec.encode(shared);
        ByteBuffer avro = new BinaryMessageEncoder<FeatureVector>(SpecificData.get(), FeatureVector.getClassSchema()).encode(shared);
        byte[] expected = new byte[avro.remaining()];
        avro.get(expected);
        assertThat(first).isEqualTo(expected).isEqualTo(second);

        List<String> mutable = new ArrayList<>(names);
        FeatureVector own = new FeatureVector("n1", Instant.ofEpochSecond(60), 1L, mutable, values);
        AvroCodec.encode(own);
        mutable.set(0, "w10m.changed.mean");
        assertThat(AvroCodec.decode(AvroCodec.encode(own), FeatureVector.class).getNames().get(0))
                .as("a list that can change is written afresh").isEqualTo("w10m.changed.mean");
    }

    @Test
    void samplesCoverEveryTopLevelType() {
        Set<Class<?>> covered = new HashSet<>();
        RecordSamples.all().forEach(r -> covered.add(r.getClass()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(SchemaCatalogue.RECORD_TYPES);
    }

    @Test
    void encodingIsDeterministic() {
        for (SpecificRecord record : RecordSamples.all()) {
            assertThat(AvroCodec.encode(record)).isEqualTo(AvroCodec.encode(record));
        }
    }

    @Test
    void garbageBytesAreABadHeader() {
        assertThatThrownBy(() -> AvroCodec.decodeAny("hello world, not avro".getBytes()))
                .isInstanceOfSatisfying(RecordDecodingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_HEADER))
                .hasMessageContaining("c3 01");
        assertThatThrownBy(() -> AvroCodec.decodeAny(new byte[] {(byte) 0xC3}))
                .isInstanceOfSatisfying(RecordDecodingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_HEADER));
    }

    @Test
    void unknownFingerprintIsReportedAsSuch() {
        byte[] bytes = AvroCodec.encode(RecordSamples.all().get(0));
        bytes[5] ^= 0x5A; // corrupt the fingerprint only
        assertThatThrownBy(() -> AvroCodec.decodeAny(bytes))
                .isInstanceOfSatisfying(RecordDecodingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SCHEMA))
                .hasMessageContaining("fingerprint");
    }

    @Test
    void truncatedDatumIsCorrupt() {
        byte[] bytes = AvroCodec.encode(RecordSamples.all().get(0));
        byte[] truncated = Arrays.copyOf(bytes, 14);
        assertThatThrownBy(() -> AvroCodec.decodeAny(truncated))
                .isInstanceOfSatisfying(RecordDecodingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT_DATUM));
    }

    @Test
    void aRecordOfAnotherTypeIsAWrongType() {
        byte[] prediction = AvroCodec.encode(RecordSamples.all().get(6));
        assertThatThrownBy(() -> AvroSerde.of(NodeTelemetry.class).deserialize("foresight.telemetry", prediction))
                .isInstanceOfSatisfying(RecordDecodingException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE))
                .hasMessageContaining("NodeTelemetry").hasMessageContaining("Prediction");
    }

    @Test
    void decodingFailuresAreKafkaSerializationExceptions() {
        // Streams' deserialization handlers act on SerializationException: that is what routes to dead letters.
        assertThatThrownBy(() -> AvroSerde.any().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }

    @Test
    void nullPayloadIsATombstone() {
        assertThat(AvroSerde.of(NodeState.class).deserialize("t", null)).isNull();
        assertThat(AvroSerde.of(NodeState.class).serialize("t", null)).isNull();
    }

    @Test
    void missingRequiredFieldFailsAtEncodeWithTheType() {
        NodeTelemetry broken = new NodeTelemetry();
        assertThatThrownBy(() -> AvroCodec.encode(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NodeTelemetry");
    }

    /**
     * A length prefix that claims more bytes than the record holds is refused before anything is
     * allocated: Avro alone would size a buffer of up to 2 GiB from it and could exhaust the heap.
     */
    @Test
    void hugeStringLengthIsRefusedBeforeAllocation() throws IOException {
        byte[] bytes = headerOf(NodeTelemetry.class, out -> out.writeLong(1L << 30));
        assertThatThrownBy(() -> AvroCodec.decode(bytes, NodeTelemetry.class))
                .isInstanceOf(RecordDecodingException.class)
                .hasMessageContaining("string length 1073741824 exceeds the 0 bytes left");
    }

    @Test
    void hugeMapCountIsRefusedBeforeAllocation() throws IOException {
        byte[] bytes = headerOf(NodeTelemetry.class, out -> {
            out.writeString("n1");
            out.writeLong(0);
            out.writeLong(5);
            out.writeMapStart();
            out.setItemCount(1L << 30);
        });
        assertThatThrownBy(() -> AvroCodec.decode(bytes, NodeTelemetry.class))
                .isInstanceOf(RecordDecodingException.class)
                .extracting(e -> ((RecordDecodingException) e).reason()).isEqualTo(Reason.CORRUPT_DATUM);
        assertThatThrownBy(() -> AvroCodec.decode(bytes, NodeTelemetry.class))
                .hasMessageContaining("map block of 1073741824 items cannot fit");
    }

    private interface DatumWriter {
        void write(BinaryEncoder out) throws IOException;
    }

    private static byte[] headerOf(Class<? extends SpecificRecord> type, DatumWriter datum) throws IOException {
        SpecificRecord sample = RecordSamples.all().stream().filter(type::isInstance).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(AvroCodec.encode(sample), 0, 10);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        datum.write(encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** Any byte string either decodes or raises the typed exception: never anything else. */
    @Property(tries = 500)
    void arbitraryBytesNeverEscapeAsUntypedErrors(@ForAll byte[] bytes) {
        try {
            AvroCodec.decodeAny(bytes);
        } catch (RecordDecodingException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    /** Valid header and fingerprint followed by random bytes: still only the typed exception. */
    @Property(tries = 500)
    void randomDatumAfterAValidHeaderIsTyped(@ForAll byte[] tail) {
        byte[] header = Arrays.copyOf(AvroCodec.encode(RecordSamples.all().get(7)), 10);
        byte[] bytes = new byte[header.length + tail.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(tail, 0, bytes, header.length, tail.length);
        try {
            AvroCodec.decodeAny(bytes);
        } catch (RecordDecodingException expected) {
            assertThat(expected.reason()).isIn(Reason.CORRUPT_DATUM);
        }
    }
}
