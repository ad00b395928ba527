package dev.foresight.producers.dataset.lanl;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * A node (or a whole system) down from {@code started} for {@code repairSeconds}: one failure after
 * related records have been collapsed.
 *
 * @param node          the node's index in its system; empty for a system-wide interrupt
 * @param started       when the problem started
 * @param repairSeconds how long it stayed down
 * @param cause         root cause and sub-cause, e.g. {@code Hardware/Memory}
 */
public record Outage(OptionalInt node, Instant started, double repairSeconds, String cause) {

    public Outage {
        if (!(repairSeconds >= 0) || Double.isInfinite(repairSeconds)) {
            throw new IllegalArgumentException("repairSeconds must be finite and >= 0: " + repairSeconds);
        }
    }

    /** When the node came back: start plus repair. */
    public Instant repaired() {
        return started.plusMillis(Math.round(repairSeconds * 1000));
    }

    /** This outage lasting until {@code end} if that is later than its own end. */
    Outage extendedTo(Instant end) {
        if (!end.isAfter(repaired())) {
            return this;
        }
        return new Outage(node, started, (end.toEpochMilli() - started.toEpochMilli()) / 1000.0, cause);
    }
}
