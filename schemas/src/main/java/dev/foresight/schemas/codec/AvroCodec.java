package dev.foresight.schemas.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding (magic {@code C3 01}, 8-byte CRC-64-AVRO fingerprint, binary datum) for
 * every Foresight record. Thread-safe; encoders and decoders are built once per type.
 */
public final class AvroCodec {

    static final byte MAGIC_0 = (byte) 0xC3;
    static final byte MAGIC_1 = (byte) 0x01;
    static final int HEADER_LENGTH = 10;

    static {
        AvroTrust.ensure();
    }

    private static final Map<Class<?>, RecordWriter> WRITERS = new ConcurrentHashMap<>();
    /** Readers by writer-schema fingerprint; Avro's datum readers are safe to share between threads. */
    private static final Map<Long, DatumReader<SpecificRecord>> READERS = new ConcurrentHashMap<>();
    /**
     * Per thread: an output buffer and a buffered encoder. Avro's {@code BinaryMessageEncoder} writes every
     * varint byte through a synchronized {@code ByteArrayOutputStream.write(int)}, which was a sixth of a stream
     * thread's time on feature vectors; a buffered encoder hands the stream a few large chunks instead.
     */
    private static final ThreadLocal<EncodeBuffer> BUFFERS = ThreadLocal.withInitial(EncodeBuffer::new);

    private AvroCodec() {}

    /** The single-object encoding of a record: header, fingerprint of its schema, binary datum. */
    public static byte[] encode(SpecificRecord record) {
        RecordWriter writer = WRITERS.computeIfAbsent(record.getClass(), type -> new RecordWriter(record.getSchema()));
        EncodeBuffer buffer = BUFFERS.get();
        buffer.bytes.reset();
        buffer.bytes.write(writer.header, 0, HEADER_LENGTH);
        try {
            buffer.encoder = EncoderFactory.get().binaryEncoder(buffer.bytes, buffer.encoder);
            writer.datum.write(record, buffer.encoder);
            buffer.encoder.flush();
            return buffer.bytes.toByteArray();
        } catch (IOException | AvroRuntimeException | NullPointerException | ClassCastException e) {
            buffer.encoder = null; // may hold half a record
            throw new IllegalArgumentException("cannot encode " + record.getClass().getSimpleName()
                    + " (a required field is missing or has the wrong type): " + e.getMessage(), e);
        }
    }

    /** Decodes a record of whichever known type the fingerprint names. */
    public static SpecificRecord decodeAny(byte[] bytes) {
        return decodeWith(entryOf(bytes), bytes);
    }

    /** Decodes a record that must be of {@code type} (or of an older schema of it). */
    public static <T extends SpecificRecord> T decode(byte[] bytes, Class<T> type) {
        SchemaCatalogue.Entry entry = entryOf(bytes);
        if (!entry.type().equals(type)) {
            throw new RecordDecodingException(RecordDecodingException.Reason.WRONG_TYPE,
                    "expected " + type.getSimpleName() + " but the bytes hold " + entry.type().getSimpleName(), null);
        }
        return type.cast(decodeWith(entry, bytes));
    }

    /** The fingerprint in the header, or a {@link RecordDecodingException} if there is no valid header. */
    public static long fingerprint(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH) {
            throw new RecordDecodingException(RecordDecodingException.Reason.BAD_HEADER,
                    "need at least " + HEADER_LENGTH + " bytes, got " + (bytes == null ? "null" : bytes.length), null);
        }
        if (bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
            throw new RecordDecodingException(RecordDecodingException.Reason.BAD_HEADER,
                    String.format("not Avro single-object encoding: first bytes %02x %02x, expected c3 01",
                            bytes[0], bytes[1]), null);
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static SchemaCatalogue.Entry entryOf(byte[] bytes) {
        long fp = fingerprint(bytes);
        return SchemaCatalogue.get().byFingerprint(fp).orElseThrow(() -> new RecordDecodingException(
                RecordDecodingException.Reason.UNKNOWN_SCHEMA,
                String.format("writer schema fingerprint %016x is not known to this build", fp), null));
    }

    private static SpecificRecord decodeWith(SchemaCatalogue.Entry entry, byte[] bytes) {
        DatumReader<SpecificRecord> reader = READERS.computeIfAbsent(entry.fingerprint(), fp -> readerFor(entry));
        BinaryDecoder datum = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null);
        try {
            return reader.read(null, new PayloadBoundedDecoder(datum));
        } catch (IOException | RuntimeException e) {
            // Avro reports truncation and garbage as EOF, AvroRuntimeException or index errors alike.
            throw new RecordDecodingException(RecordDecodingException.Reason.CORRUPT_DATUM,
                    entry.type().getSimpleName() + " datum of " + bytes.length + " bytes does not decode: " + e, e);
        }
    }

    private static DatumReader<SpecificRecord> readerFor(SchemaCatalogue.Entry entry) {
        Schema current = SpecificData.get().getSchema(entry.type());
        return new SpecificDatumReader<>(entry.writerSchema(), current, SpecificData.get());
    }

    /** A record type's header bytes (magic and fingerprint) and datum writer. */
    private static final class RecordWriter {
        final byte[] header = new byte[HEADER_LENGTH];
        final DatumWriter<SpecificRecord> datum;

        RecordWriter(Schema schema) {
            header[0] = MAGIC_0;
            header[1] = MAGIC_1;
            ByteBuffer.wrap(header, 2, 8).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(SchemaNormalization.parsingFingerprint64(schema));
            datum = new NameListMemoizingWriter(schema);
        }
    }

    private static final class EncodeBuffer {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        BinaryEncoder encoder;
    }
}
