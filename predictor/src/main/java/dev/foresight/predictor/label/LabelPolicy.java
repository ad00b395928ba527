package dev.foresight.predictor.label;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How windows are labelled.
 *
 * @param horizon     H: a window is positive if the node fails within {@code (end, end + H]}
 * @param repairGrace windows ending less than this long after a repair are excluded, because
 *                    their feature windows still hold telemetry from before the failure (or none);
 *                    set it to the longest feature window, or zero to exclude only down time
 */
public record LabelPolicy(Duration horizon, Duration repairGrace) implements Serializable {

    public LabelPolicy {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(repairGrace, "repairGrace");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        if (repairGrace.isNegative()) {
            throw new IllegalArgumentException("repairGrace must not be negative: " + repairGrace);
        }
    }

    /** A horizon and no grace after repairs. */
    public static LabelPolicy of(Duration horizon) {
        return new LabelPolicy(horizon, Duration.ZERO);
    }

    /** The same policy with another repair grace. */
    public LabelPolicy withRepairGrace(Duration grace) {
        return new LabelPolicy(horizon, grace);
    }
}
