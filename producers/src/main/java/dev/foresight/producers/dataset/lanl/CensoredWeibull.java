package dev.foresight.producers.dataset.lanl;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;

/**
 * A Weibull law fitted by maximum likelihood to right-censored uptimes (Lawless, <i>Statistical Models and
 * Methods for Lifetime Data</i>, 2nd ed. 2003, section 5.2): a complete uptime t contributes its density
 * f(t), a censored one its survival S(t) = exp(-(t/scale)^shape). The shape solves the profile equation
 * {@code sum_all(t^k ln t) / sum_all(t^k) - 1/k - mean_failures(ln t) = 0}, increasing in k, found with
 * commons-math3's Brent solver; then {@code scale^k = sum_all(t^k) / failures}. Without censoring this is
 * the cluster's {@code WeibullFit}.
 *
 * @param shape         k
 * @param scaleHours    lambda, hours
 * @param failures      complete uptimes
 * @param censored      censored uptimes
 * @param logLikelihood at the optimum, times in hours
 */
public record CensoredWeibull(double shape, double scaleHours, int failures, int censored, double logLikelihood) {

    /** The fit; at least two failures are needed. */
    public static CensoredWeibull fit(CensoredUptimes sample) {
        double[] t = sample.hours();
        boolean[] complete = sample.complete();
        int r = sample.failures();
        if (r < 2) {
            throw new IllegalArgumentException("need at least 2 complete uptimes, got " + r);
        }
        double[] logs = new double[t.length];
        double top = Double.NEGATIVE_INFINITY;
        double meanFailureLog = 0;
        for (int i = 0; i < t.length; i++) {
            logs[i] = Math.log(t[i]);
            top = Math.max(top, logs[i]);
            meanFailureLog += complete[i] ? logs[i] : 0;
        }
        meanFailureLog /= r;
        final double max = top;
        final double meanLog = meanFailureLog;
        double k;
        try {
            // times are scaled by the largest so that t^k cannot overflow
            k = new BrentSolver(1e-10, 1e-10).solve(500, shape -> {
                double weights = 0;
                double weightedLogs = 0;
                for (double log : logs) {
                    double w = Math.exp(shape * (log - max));
                    weights += w;
                    weightedLogs += w * log;
                }
                return weightedLogs / weights - 1 / shape - meanLog;
            }, 0.01, 50);
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the likelihood has no maximum for a shape in (0.01, 50)", e);
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.exp(k * (log - max));
        }
        double scale = Math.exp(max) * Math.pow(sum / r, 1 / k);
        return new CensoredWeibull(k, scale, r, t.length - r, logLikelihood(sample, k, scale));
    }

    /** The log-likelihood of censored uptimes under a Weibull law: failures by density, censored by survival. */
    public static double logLikelihood(CensoredUptimes sample, double shape, double scaleHours) {
        double[] t = sample.hours();
        boolean[] complete = sample.complete();
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double z = t[i] / scaleHours;
            double cumulativeHazard = Math.pow(z, shape);
            sum -= cumulativeHazard;
            if (complete[i]) {
                sum += Math.log(shape / scaleHours) + (shape - 1) * Math.log(z);
            }
        }
        return sum;
    }

    /** The cumulative hazard (t / scale)^shape at t hours: a Cox-Snell residual. */
    public double cumulativeHazard(double hours) {
        return Math.pow(hours / scaleHours, shape);
    }
}
