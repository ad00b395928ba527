package dev.foresight.predictor.label;

import java.io.Serializable;
import java.util.Objects;

/**
 * The label of one feature window.
 *
 * @param outcome        what the window is
 * @param leadTimeMillis for {@link Outcome#POSITIVE}: failure time minus window end (positive); null otherwise
 */
public record Label(Outcome outcome, Long leadTimeMillis) implements Serializable {

    /** The four outcomes of labelling a window. */
    public enum Outcome {
        /** The node fails within the horizon after the window. */
        POSITIVE,
        /** The horizon after the window has passed without a failure. */
        NEGATIVE,
        /** The horizon has not passed yet and no failure is known: ask again later. */
        PENDING,
        /** The window belongs to no class: the node was down at its end, or had just come back. */
        EXCLUDED
    }

    public static final Label NEGATIVE = new Label(Outcome.NEGATIVE, null);
    public static final Label PENDING = new Label(Outcome.PENDING, null);
    public static final Label EXCLUDED = new Label(Outcome.EXCLUDED, null);

    public Label {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == Outcome.POSITIVE) != (leadTimeMillis != null)) {
            throw new IllegalArgumentException("a lead time goes with POSITIVE and only with it: "
                    + outcome + ", " + leadTimeMillis);
        }
        if (leadTimeMillis != null && leadTimeMillis <= 0) {
            throw new IllegalArgumentException("lead time must be positive: " + leadTimeMillis);
        }
    }

    public static Label positive(long leadTimeMillis) {
        return new Label(Outcome.POSITIVE, leadTimeMillis);
    }

    /** Whether the label is final (anything but PENDING). */
    public boolean resolved() {
        return outcome != Outcome.PENDING;
    }

    /** Whether the window is a training example (POSITIVE or NEGATIVE). */
    public boolean usable() {
        return outcome == Outcome.POSITIVE || outcome == Outcome.NEGATIVE;
    }
}
