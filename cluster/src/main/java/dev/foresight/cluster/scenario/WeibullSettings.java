package dev.foresight.cluster.scenario;

import org.apache.commons.math3.special.Gamma;

/**
 * Per-node time between failures: Weibull(shape, scale). Shape below 1 means a decreasing hazard
 * (a node that just failed, or was just repaired, is more likely to fail again soon), as measured on
 * LANL and other HPC systems; shape 1 is the exponential law.
 */
public record WeibullSettings(double shape, double scaleHours) {

    public static WeibullSettings defaults() {
        return new WeibullSettings(0.7, 1100);
    }

    /** Mean time between failures of one node: {@code scale * Gamma(1 + 1/shape)}. */
    public double meanHours() {
        return scaleHours * Gamma.gamma(1 + 1 / shape);
    }

    public void validate(String path, Violations v) {
        v.positive(path + ".shape", shape);
        v.positive(path + ".scaleHours", scaleHours);
    }
}
