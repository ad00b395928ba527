package dev.foresight.cluster.scenario;

/**
 * One failure class of the cluster.
 *
 * @param share       share of all failures that are of this class
 * @param announced   share of this class's failures preceded by precursors in the telemetry; the rest are sudden
 * @param leadMinutes how long precursors show before the failure, drawn log-uniformly in the range (minutes and
 *                    hours both common); also the length of the benign anomalies that mimic this class
 */
public record FailureClassSettings(double share, double announced, RangeSettings leadMinutes) {

    public void validate(String path, Violations v) {
        v.between(path + ".share", share, 0, 1);
        v.between(path + ".announced", announced, 0, 1);
        v.notNull(path + ".leadMinutes", leadMinutes);
        if (leadMinutes != null) {
            leadMinutes.validatePositive(path + ".leadMinutes", v);
        }
    }
}
