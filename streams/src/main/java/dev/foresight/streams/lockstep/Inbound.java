package dev.foresight.streams.lockstep;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A validated input record on its way to the {@link TickAligner}: the decoded value (NodeTelemetry,
 * NodeEvent or TickMarker), the lane it came from, and its original key and value bytes, so the aligner
 * can hold it without encoding it again, or dead-letter it as it came.
 */
public record Inbound(Lane lane, SpecificRecord value, byte[] bytes, byte[] rawKey) {

    public Inbound {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(bytes, "bytes");
    }
}
