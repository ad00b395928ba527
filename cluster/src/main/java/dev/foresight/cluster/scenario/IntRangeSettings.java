package dev.foresight.cluster.scenario;

/** An inclusive range of whole numbers, drawn uniformly. */
public record IntRangeSettings(int min, int max) {

    public double mean() {
        return (min + max) / 2.0;
    }

    public void validate(String path, Violations v, int lowest) {
        v.atLeast(path + ".min", min, lowest);
        v.ordered(path + ".min", min, path + ".max", max);
    }
}
