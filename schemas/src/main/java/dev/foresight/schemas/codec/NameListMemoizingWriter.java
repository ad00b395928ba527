package dev.foresight.schemas.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * A binary datum writer that encodes a long, immutable list of strings once and then copies its bytes.
 *
 * <p>Every feature vector and label example carries the same list of feature names (78 with the default
 * windows), and writing those strings was the largest part of encoding them. The feature extractor hands out one
 * immutable list per vocabulary, so the same list instance comes back record after record: its encoding is kept
 * per thread, keyed by identity. Only lists of the JDK's immutable class are memoized, since nothing can change
 * them after their bytes were taken; any other list is written as usual. The bytes are those Avro writes itself
 * (block count, strings, end of blocks), so readers see no difference.
 *
 * <p>For binary encoders only: {@link AvroCodec} uses no other.
 */
final class NameListMemoizingWriter extends SpecificDatumWriter<SpecificRecord> {

    /** Shorter lists are cheap to write and not worth a lookup. */
    static final int MIN_MEMOIZED_SIZE = 8;
    /** Vocabularies per thread whose encodings are kept; more than this many in turn clears the memory. */
    private static final int MAX_MEMOIZED = 32;
    private static final Class<?> IMMUTABLE_LIST = List.copyOf(List.of(1, 2, 3)).getClass();
    private static final ThreadLocal<Map<Object, byte[]>> ENCODED = ThreadLocal.withInitial(IdentityHashMap::new);

    NameListMemoizingWriter(Schema schema) {
        super(schema, SpecificData.get());
    }

    @Override
    protected void writeArray(Schema schema, Object datum, Encoder out) throws IOException {
        if (schema.getElementType().getType() != Schema.Type.STRING || datum.getClass() != IMMUTABLE_LIST
                || ((List<?>) datum).size() < MIN_MEMOIZED_SIZE) {
            super.writeArray(schema, datum, out);
            return;
        }
        Map<Object, byte[]> encoded = ENCODED.get();
        byte[] bytes = encoded.get(datum);
        if (bytes == null) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            BinaryEncoder own = EncoderFactory.get().binaryEncoder(buffer, null);
            super.writeArray(schema, datum, own);
            own.flush();
            bytes = buffer.toByteArray();
            if (encoded.size() >= MAX_MEMOIZED) {
                encoded.clear();
            }
            encoded.put(datum, bytes);
        }
        out.writeFixed(bytes);
    }
}
