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
 * @param earlyMargin M: a window whose node fails within {@code (end + H, end + H + M]} is excluded rather than
 *                    negative. A slow precursor (correctable errors escalating for hours, SMART counts for days) already
 *                    shows before the horizon: labelling those windows healthy teaches a learner that the very
 *                    readings it sees inside the horizon are healthy too, so it never scores them confidently. Zero
 *                    keeps the plain rule (every window outside the horizon is negative), which is what evaluation
 *                    uses: an alarm that early is judged as the operator would, by the horizon alone
 */
public record LabelPolicy(Duration horizon, Duration repairGrace, Duration earlyMargin) implements Serializable {

    /**
     * The early margin the streaming trainer and history models use: none. Measured on the demo scenario (seeds 101-110,
     * outside the README's, 30 days of history): a day's margin lowered recall at 0.9 episode precision from 0.36 to
     * 0.20 and raised false alarms from 0.016 to 0.045 per node-day, without catching more memory failures; six hours
     * left the history model unable to reach its precision target at all. Slow ramps are not what the plain labels
     * lose: the setting stays for offline study ({@code foresight evaluate --early-margin}).
     */
    public static final Duration DEFAULT_EARLY_MARGIN = Duration.ZERO;

    public LabelPolicy {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(repairGrace, "repairGrace");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive: " + horizon);
        }
        if (repairGrace.isNegative()) {
            throw new IllegalArgumentException("repairGrace must not be negative: " + repairGrace);
        }
        Objects.requireNonNull(earlyMargin, "earlyMargin");
        if (earlyMargin.isNegative()) {
            throw new IllegalArgumentException("earlyMargin must not be negative: " + earlyMargin);
        }
    }

    /** A horizon, no grace after repairs and no early margin. */
    public static LabelPolicy of(Duration horizon) {
        return new LabelPolicy(horizon, Duration.ZERO, Duration.ZERO);
    }

    /** The same policy with another repair grace. */
    public LabelPolicy withRepairGrace(Duration grace) {
        return new LabelPolicy(horizon, grace, earlyMargin);
    }

    /** The same policy with another early margin. */
    public LabelPolicy withEarlyMargin(Duration margin) {
        return new LabelPolicy(horizon, repairGrace, margin);
    }

    /**
     * How long after a window's end a failure still decides its label: H + M. A window becomes NEGATIVE only once
     * this much time has been observed without a failure.
     */
    public Duration decidedWithin() {
        return horizon.plus(earlyMargin);
    }
}
