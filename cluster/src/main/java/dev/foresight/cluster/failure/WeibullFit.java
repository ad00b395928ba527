package dev.foresight.cluster.failure;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Maximum-likelihood fit of a two-parameter Weibull law.
 *
 * <p>The shape k solves the profile-likelihood equation
 * {@code sum(x^k ln x) / sum(x^k) - 1/k - mean(ln x) = 0}, which is increasing in k, so a bracketing
 * root finder is enough; the scale then follows as {@code (mean(x^k))^(1/k)}. Samples are scaled by
 * their largest value first so that x^k cannot overflow.
 */
public record WeibullFit(double shape, double scale, int sampleSize) {

    public static WeibullFit maximumLikelihood(double[] samples) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("need at least 2 samples, got " + samples.length);
        }
        double[] logs = new double[samples.length];
        double maxLog = Double.NEGATIVE_INFINITY;
        double meanLog = 0;
        for (int i = 0; i < samples.length; i++) {
            if (!(samples[i] > 0)) {
                throw new IllegalArgumentException("samples must be > 0, got " + samples[i] + " at " + i);
            }
            logs[i] = Math.log(samples[i]);
            maxLog = Math.max(maxLog, logs[i]);
            meanLog += logs[i];
        }
        meanLog /= samples.length;
        final double top = maxLog;
        final double meanOfLogs = meanLog;
        double shape = new BrentSolver(1e-10, 1e-10).solve(200, k -> {
            double weights = 0;
            double weightedLogs = 0;
            for (double log : logs) {
                double w = Math.exp(k * (log - top));
                weights += w;
                weightedLogs += w * log;
            }
            return weightedLogs / weights - 1 / k - meanOfLogs;
        }, 0.01, 50);
        double meanPower = 0;
        for (double log : logs) {
            meanPower += Math.exp(shape * (log - top));
        }
        meanPower /= samples.length;
        double scale = Math.exp(top) * Math.pow(meanPower, 1 / shape);
        return new WeibullFit(shape, scale, samples.length);
    }
}
