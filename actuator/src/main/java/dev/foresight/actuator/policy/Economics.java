package dev.foresight.actuator.policy;

import java.util.Locale;

/**
 * What an action is expected to save and what it costs, both in core-seconds (one VM core for one
 * simulated second, the unit of the cluster model's accounting). Computed by {@link ActionEconomics}.
 *
 * @param expectedGain work the action is expected to save
 * @param cost work (or capacity) the action is expected to take away
 */
public record Economics(double expectedGain, double cost) {

    public Economics {
        if (!(expectedGain >= 0) || !(cost >= 0) || Double.isInfinite(expectedGain) || Double.isInfinite(cost)) {
            throw new IllegalArgumentException("expected gain and cost must be finite core-seconds >= 0, got "
                    + expectedGain + " and " + cost);
        }
    }

    /** Expected gain minus cost. */
    public double net() {
        return expectedGain - cost;
    }

    /** Strictly more saved than spent: an action that saves nothing is not worth its disruption. */
    public boolean pays() {
        return expectedGain > cost;
    }

    /** This share of both figures: one command's part of an action spread over several commands. */
    public Economics share(double fraction) {
        return new Economics(expectedGain * fraction, cost * fraction);
    }

    /** Gain and cost exchanged: what undoing the action is worth. */
    public Economics reversed() {
        return new Economics(cost, expectedGain);
    }

    /** For reasons in the audit trail: {@code gain 5400 > cost 22 core-s}. */
    public String describe() {
        return String.format(Locale.ROOT, "expected gain %.0f %s cost %.0f core-s", expectedGain,
                pays() ? ">" : "<=", cost);
    }
}
