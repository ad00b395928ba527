package dev.foresight.cluster.random;

import java.util.SplittableRandom;

/** Small sampling helpers used on hot paths (per node, per tick). */
public final class Draws {

    private Draws() {}

    /**
     * Poisson count with the given mean. Knuth's product method for the small means the telemetry
     * uses (error counts per tick), a rounded normal above 30. Hand-written because commons-math's
     * sampler allocates a distribution object per mean, and this runs once per node per tick with a
     * mean that changes every tick.
     */
    public static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** Log-uniform in [min, max]: as likely to be minutes as hours when the range spans both. */
    public static double logUniform(SplittableRandom random, double min, double max) {
        if (max <= min) {
            return min;
        }
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    public static double uniform(SplittableRandom random, double min, double max) {
        return max <= min ? min : min + random.nextDouble() * (max - min);
    }

    public static int uniformInt(SplittableRandom random, int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }
}
