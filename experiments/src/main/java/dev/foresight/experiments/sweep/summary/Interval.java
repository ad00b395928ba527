package dev.foresight.experiments.sweep.summary;

/**
 * A confidence interval, or the reason there is none (one seed cannot give one): a report says so
 * rather than printing a number that means nothing.
 *
 * @param low              null when undefined
 * @param high             null when undefined
 * @param undefinedBecause null when defined
 */
public record Interval(Double low, Double high, String undefinedBecause) {

    public static Interval of(double low, double high) {
        return new Interval(low, high, null);
    }

    public static Interval undefined(String because) {
        return new Interval(null, null, because);
    }

    public boolean defined() {
        return undefinedBecause == null;
    }
}
