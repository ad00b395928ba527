package dev.foresight.schemas.codec;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one Foresight record type, or for any of them ({@link #any()}), using Avro
 * single-object encoding. Decoding failures raise {@link RecordDecodingException}. A {@code null}
 * payload (a tombstone) stays {@code null}.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final Class<T> type;

    private AvroSerde(Class<T> type) {
        this.type = type;
    }

    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type);
    }

    /** Accepts every known record type: for topics that interleave tick markers with data. */
    public static AvroSerde<SpecificRecord> any() {
        return new AvroSerde<>(SpecificRecord.class);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : AvroCodec.encode(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (type == SpecificRecord.class) {
            return type.cast(AvroCodec.decodeAny(data));
        }
        return AvroCodec.decode(data, type);
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: no registry, the catalogue is compiled in
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
