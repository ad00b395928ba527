package dev.foresight.cluster.scenario;

import dev.foresight.cluster.failure.FailureClass;

/**
 * Benign anomalies: episodes that move a failure class's first symptom but end without a failure (a
 * correctable-error burst on a healthy DIMM, a hot aisle, line noise on the supply, a few reallocated sectors
 * that stop growing, a burst of log warnings). A Poisson process per node; each episode mimics one class, drawn
 * by weight, and lasts as long as that class's precursors.
 *
 * @param ratePerNodeDay episodes per node and day
 * @param memory         relative weight of memory-like episodes (and likewise for the other classes)
 */
public record FalseAlarmSettings(double ratePerNodeDay, double memory, double thermal, double power, double disk,
                                 double software) {

    public static FalseAlarmSettings defaults() {
        return new FalseAlarmSettings(0.02, 0.5, 0.15, 0.1, 0.05, 0.2);
    }

    /** The weight of episodes that mimic a class (0 for {@link FailureClass#OTHER}, which has no sensors). */
    public double weight(FailureClass failureClass) {
        return switch (failureClass) {
            case MEMORY -> memory;
            case THERMAL -> thermal;
            case POWER -> power;
            case DISK -> disk;
            case SOFTWARE -> software;
            case OTHER -> 0;
        };
    }

    public double totalWeight() {
        return memory + thermal + power + disk + software;
    }

    public void validate(String path, Violations v) {
        v.nonNegative(path + ".ratePerNodeDay", ratePerNodeDay);
        for (FailureClass c : FailureClass.values()) {
            if (c.hasSensors()) {
                v.nonNegative(path + "." + c.label(), weight(c));
            }
        }
        if (ratePerNodeDay > 0 && !(totalWeight() > 0)) {
            v.add(path, "at least one class needs a positive weight when ratePerNodeDay > 0");
        }
    }
}
