package dev.foresight.cluster.scenario;

/** An inclusive range of a continuous quantity. */
public record RangeSettings(double min, double max) {

    public double mean() {
        return (min + max) / 2;
    }

    public void validatePositive(String path, Violations v) {
        v.positive(path + ".min", min);
        v.ordered(path + ".min", min, path + ".max", max);
    }

    public void validateNonNegative(String path, Violations v) {
        v.nonNegative(path + ".min", min);
        v.ordered(path + ".min", min, path + ".max", max);
    }
}
