package dev.foresight.producers.dataset.lanl;

import dev.foresight.cluster.failure.WeibullFit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.special.Gamma;

/**
 * Fits a system's failure laws: Weibull times between failures (the point estimate from the cluster
 * model's own {@link WeibullFit}, so the simulator and this check agree on what "shape" means) with
 * confidence intervals from the observed information, and a log-normal repair time.
 *
 * <p>Only complete intervals are used: the time before a node's first recorded failure and after its
 * last one are censored by the observation window and left out.
 *
 * @param minSamples the fewest samples a law is fitted on
 * @param confidence the confidence level of the intervals, e.g. 0.95
 */
public record FailureLawFit(int minSamples, double confidence) {

    public static final double SECONDS_PER_HOUR = 3600;

    public FailureLawFit {
        if (minSamples < 3) {
            throw new IllegalArgumentException("minSamples must be at least 3: " + minSamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }

    /** At least 10 samples per law, 95 % intervals. */
    public static FailureLawFit defaults() {
        return new FailureLawFit(10, 0.95);
    }

    public SystemFailureLaws fit(SystemTrace trace) {
        List<String> notes = new ArrayList<>();
        double[] uptimes = nodeUptimeHours(trace);
        double[] starts = distinctStartSeconds(trace);
        double[] gaps = new double[Math.max(0, starts.length - 1)];
        for (int i = 1; i < starts.length; i++) {
            gaps[i - 1] = (starts[i] - starts[i - 1]) / SECONDS_PER_HOUR;
        }
        double[] repairs = trace.outages().stream().mapToDouble(Outage::repairSeconds).filter(s -> s > 0)
                .map(s -> s / SECONDS_PER_HOUR).toArray();
        long zeroRepairs = trace.outages().size() - repairs.length;
        double spanDays = trace.outages().isEmpty() ? 0
                : trace.secondsFromEpoch(trace.outages().get(trace.outages().size() - 1)) / 86_400.0;
        double perYear = spanDays > 0 ? trace.outages().size() / (spanDays / 365.25) : Double.NaN;
        return new SystemFailureLaws(trace.system(), trace.counts().records(), trace.outages().size(), trace.nodesWithOutages(),
                spanDays, perYear, weibull("node uptime", uptimes, notes), weibull("system gaps", gaps, notes),
                logNormal(repairs, notes), trace.outages().size() - starts.length, zeroRepairs, notes);
    }

    /** Per node, the time from each repair to the node's next failure. */
    static double[] nodeUptimeHours(SystemTrace trace) {
        Map<Integer, List<Outage>> byNode = new TreeMap<>();
        for (Outage outage : trace.outages()) {
            outage.node().ifPresent(n -> byNode.computeIfAbsent(n, k -> new ArrayList<>()).add(outage));
        }
        List<Double> hours = new ArrayList<>();
        for (List<Outage> outages : byNode.values()) {
            for (int i = 1; i < outages.size(); i++) {
                Instant repaired = outages.get(i - 1).repaired();
                double seconds = (outages.get(i).started().toEpochMilli() - repaired.toEpochMilli()) / 1000.0;
                if (seconds > 0) { // the collapser guarantees it; a hand-written trace may not
                    hours.add(seconds / SECONDS_PER_HOUR);
                }
            }
        }
        return hours.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Failure starts of the whole system, one per minute at most (the records' resolution). */
    static double[] distinctStartSeconds(SystemTrace trace) {
        return trace.outages().stream().mapToDouble(trace::secondsFromEpoch).map(s -> Math.floor(s / 60) * 60)
                .distinct().sorted().toArray();
    }

    WeibullEstimate weibull(String what, double[] hours, List<String> notes) {
        if (hours.length < minSamples) {
            notes.add(what + ": " + hours.length + " samples, fewer than " + minSamples + ": not fitted");
            return null;
        }
        WeibullFit fit;
        try {
            fit = WeibullFit.maximumLikelihood(hours);
        } catch (MathIllegalArgumentException e) {
            notes.add(what + ": the likelihood has no maximum for shape in (0.01, 50): not fitted");
            return null;
        }
        double k = fit.shape();
        double lambda = fit.scale();
        int n = hours.length;
        double sumPow = 0;
        double sumPowLog = 0;
        double sumPowLog2 = 0;
        double sumLogX = 0;
        for (double x : hours) {
            double logZ = Math.log(x / lambda);
            double pow = Math.exp(k * logZ);
            sumPow += pow;
            sumPowLog += pow * logZ;
            sumPowLog2 += pow * logZ * logZ;
            sumLogX += Math.log(x);
        }
        // Hessian of l(k, lambda) = n ln k - n k ln lambda + (k - 1) sum ln x - sum (x / lambda)^k
        double hkk = -n / (k * k) - sumPowLog2;
        double hll = n * k / (lambda * lambda) - k * (k + 1) * sumPow / (lambda * lambda);
        double hkl = -n / lambda + sumPow / lambda + k * sumPowLog / lambda;
        double det = hkk * hll - hkl * hkl; // the observed information is -H; its inverse is the covariance
        double varK = -hll / det;
        double varLambda = -hkk / det;
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
        double spreadK = Math.exp(z * Math.sqrt(varK) / k);
        double spreadLambda = Math.exp(z * Math.sqrt(varLambda) / lambda);
        double logLik = n * Math.log(k) - n * k * Math.log(lambda) + (k - 1) * sumLogX - sumPow;
        double mean = Arrays.stream(hours).average().orElseThrow();
        double exponentialLogLik = -n * Math.log(mean) - n;
        double ratio = Math.max(0, 2 * (logLik - exponentialLogLik));
        double pValue = 1 - new ChiSquaredDistribution(null, 1).cumulativeProbability(ratio);
        return new WeibullEstimate(n, k, k / spreadK, k * spreadK, lambda, lambda / spreadLambda, lambda * spreadLambda,
                lambda * Gamma.gamma(1 + 1 / k), logLik, pValue);
    }

    LogNormalEstimate logNormal(double[] hours, List<String> notes) {
        if (hours.length < minSamples) {
            notes.add("repair: " + hours.length + " positive repair times, fewer than " + minSamples + ": not fitted");
            return null;
        }
        int n = hours.length;
        double[] logs = Arrays.stream(hours).map(Math::log).toArray();
        double mu = Arrays.stream(logs).average().orElseThrow();
        double squares = Arrays.stream(logs).map(y -> (y - mu) * (y - mu)).sum();
        double sigma = Math.sqrt(squares / n);
        double alpha = 1 - confidence;
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - alpha / 2);
        double halfWidth = t * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, n - 1);
        double sigmaLow = Math.sqrt(squares / chi.inverseCumulativeProbability(1 - alpha / 2));
        double sigmaHigh = Math.sqrt(squares / chi.inverseCumulativeProbability(alpha / 2));
        return new LogNormalEstimate(n, mu, mu - halfWidth, mu + halfWidth, sigma, sigmaLow, sigmaHigh, Math.exp(mu),
                Math.exp(mu + sigma * sigma / 2));
    }
}
