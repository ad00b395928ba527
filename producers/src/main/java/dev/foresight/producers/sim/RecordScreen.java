package dev.foresight.producers.sim;

import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decides what a {@link TickedTopicReader} does with one record: a pure function of the record and of
 * the last tick its partition has closed, so that the same log gives the same decisions, however the
 * polls interleave partitions.
 */
@FunctionalInterface
public interface RecordScreen<T> {

    /**
     * @param closedTick the last tick the expected stage has closed on the record's partition, -1 if none
     */
    Screened<T> screen(RawRecord record, long closedTick);

    /**
     * Trusted topics: records of {@code type} by their tick field, markers of {@code stage}, everything
     * else ignored; bytes that do not decode throw, stopping the reader loudly.
     */
    static <T extends SpecificRecord> RecordScreen<T> strict(Class<T> type, String stage) {
        AvroSerde<SpecificRecord> avro = AvroSerde.any();
        return (record, closedTick) -> {
            SpecificRecord value = avro.deserialize(record.topic(), record.value());
            if (value instanceof TickMarker marker) {
                return marker.getStage().equals(stage) ? new Screened.Marker<>(marker.getTick()) : new Screened.Ignored<>();
            }
            if (type.isInstance(value)) {
                T typed = type.cast(value);
                return new Screened.Accepted<>(typed, tickOf(typed));
            }
            return new Screened.Ignored<>();
        };
    }

    /** The value of a record's {@code tick} field. */
    static long tickOf(SpecificRecord record) {
        Schema.Field field = record.getSchema().getField("tick");
        if (field == null) {
            throw new IllegalArgumentException(record.getSchema().getName() + " has no tick field");
        }
        return (Long) record.get(field.pos());
    }
}
