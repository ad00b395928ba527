package dev.foresight.producers.sim;

import java.util.Comparator;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record a reader would not hand on, and why: it goes to the dead-letter topic with these reasons.
 *
 * @param reason    machine-readable category (the {@code foresight.error.reason} header)
 * @param message   what was wrong, naming the field and the value
 * @param exception class name of the exception behind the refusal, or null
 * @param decoded   what could be decoded of it (a well-formed but invalid record), or null for bytes
 *                  that are no record at all
 */
public record Refusal(RawRecord raw, String reason, String message, String exception, SpecificRecord decoded) {

    /** Log order: the order a refused batch is published in does not depend on how polls interleaved partitions. */
    public static final Comparator<Refusal> LOG_ORDER =
            Comparator.comparingInt((Refusal r) -> r.raw().partition()).thenComparingLong(r -> r.raw().offset());

    public Refusal {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
