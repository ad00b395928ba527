package dev.foresight.experiments.sweep.summary;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Percentile bootstrap interval for the mean of paired differences: resample the seeds' differences with
 * replacement, take each resample's mean, and read the interval off those means' percentiles (Hyndman and
 * Fan's type 7, the default of R and NumPy). No normality assumed; with few seeds it is narrower than the
 * t interval, which is why the report shows both.
 *
 * <p>Deterministic: every interval starts its own generator from the same seed, so an interval never
 * depends on which others were computed before it.
 */
public final class PercentileBootstrap {

    public static final int DEFAULT_RESAMPLES = 10_000;
    public static final long DEFAULT_SEED = 13L;

    private final int resamples;
    private final long seed;

    public PercentileBootstrap(int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public static PercentileBootstrap defaults() {
        return new PercentileBootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    public Interval meanInterval(double[] differences, double confidence) {
        int n = differences.length;
        if (n < 2) {
            return Interval.undefined("needs at least 2 seeds, got " + n);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += differences[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(means);
        double tail = (1 - confidence) / 2 * 100;
        return Interval.of(percentile.evaluate(tail), percentile.evaluate(100 - tail));
    }
}
