package dev.foresight.experiments.sweep.summary;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Student's t interval for the mean of paired differences: {@code mean +- t(1 - a/2, n-1) * s / sqrt(n)},
 * with {@code s} the sample standard deviation (n - 1 in the denominator). Exact when the differences are
 * normal, and the usual first answer for a handful of seeds.
 */
public final class PairedT {

    private PairedT() {}

    public static Interval meanInterval(double[] differences, double confidence) {
        int n = differences.length;
        if (n < 2) {
            return Interval.undefined("needs at least 2 seeds, got " + n);
        }
        double mean = StatUtils.mean(differences);
        double standardError = Math.sqrt(StatUtils.variance(differences, mean) / n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return Interval.of(mean - t * standardError, mean + t * standardError);
    }
}
