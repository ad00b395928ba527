package dev.foresight.predictor.label;

import java.io.Serializable;
import java.util.Objects;

/**
 * A change of a node's health that labels are made from: it failed, or it was repaired.
 * Other node events (power, quarantine) do not change what a label means and are not recorded.
 *
 * @param timeMillis event time, epoch milliseconds
 * @param kind       what happened
 */
public record HealthEvent(long timeMillis, Kind kind) implements Serializable {

    /** The two health changes. */
    public enum Kind { FAILED, REPAIRED }

    public HealthEvent {
        Objects.requireNonNull(kind, "kind");
    }

    public static HealthEvent failed(long timeMillis) {
        return new HealthEvent(timeMillis, Kind.FAILED);
    }

    public static HealthEvent repaired(long timeMillis) {
        return new HealthEvent(timeMillis, Kind.REPAIRED);
    }
}
