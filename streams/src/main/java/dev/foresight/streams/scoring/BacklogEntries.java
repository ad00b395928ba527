package dev.foresight.streams.scoring;

import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.codec.AvroCodec;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Encodes the scoring backlog's entries. Every vector of a stream normally has the same feature names (78 of
 * them with the default windows); written with each backlogged vector they were most of the bytes, and most
 * of the scorer's time, whenever the trainer ran behind. So the backlog keeps one layout (the names) in the
 * progress store and writes a vector whose names are that layout with an empty name list. A real vector has
 * as many names as values, so "no names but values" can only mean "the layout's names".
 *
 * <p>The layout changes only while the backlog is empty, so no entry ever refers to a layout other than the
 * current one; a vector with other names arriving while entries wait is written in full.
 */
final class BacklogEntries {

    private static final String LAYOUT = "backlog-layout";

    private final KeyValueStore<String, byte[]> progress;
    private List<String> layout;

    BacklogEntries(KeyValueStore<String, byte[]> progress) {
        this.progress = progress;
        byte[] stored = progress.get(LAYOUT);
        this.layout = stored == null ? null : AvroCodec.decode(stored, FeatureVector.class).getNames();
    }

    /** The bytes to backlog for a record; {@code backlogEmpty} says whether any entry is waiting now. */
    byte[] encode(SpecificRecord record, boolean backlogEmpty) {
        if (!(record instanceof FeatureVector vector) || vector.getValues().isEmpty()) {
            return AvroCodec.encode(record);
        }
        if (!vector.getNames().equals(layout)) {
            if (!backlogEmpty) {
                return AvroCodec.encode(vector);
            }
            layout = List.copyOf(vector.getNames());
            progress.put(LAYOUT, AvroCodec.encode(withNamesAndValues(vector, layout, List.of())));
        }
        return AvroCodec.encode(withNamesAndValues(vector, List.of(), vector.getValues()));
    }

    private static FeatureVector withNamesAndValues(FeatureVector vector, List<String> names, List<Double> values) {
        return new FeatureVector(vector.getNodeId(), vector.getTimestamp(), vector.getTick(), names, values);
    }

    /** A backlogged record as it was given to {@link #encode}. */
    SpecificRecord decode(byte[] bytes) {
        SpecificRecord record = AvroCodec.decodeAny(bytes);
        if (record instanceof FeatureVector vector && vector.getNames().isEmpty() && !vector.getValues().isEmpty()) {
            if (layout == null) {
                throw new IllegalStateException("a backlogged vector of node " + vector.getNodeId()
                        + " refers to a layout the store does not hold");
            }
            vector.setNames(layout);
        }
        return record;
    }
}
