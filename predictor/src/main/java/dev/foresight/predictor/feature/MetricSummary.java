package dev.foresight.predictor.feature;

/**
 * The statistics of one metric over one window, computed from the window's (time, value) pairs
 * in ascending time order. Two passes (mean first, then deviations) keep std and slope accurate
 * when values are large and nearly equal; times are taken relative to the window end, in hours,
 * so epoch milliseconds never get squared.
 */
final class MetricSummary {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private MetricSummary() {
    }

    /**
     * Fills {@code out} (indexed by {@link Statistic#ordinal()}) with the statistics of the
     * {@code n} points starting at {@code from}. {@code n} must be at least 1. Counter statistics
     * are computed for every metric; the caller decides whether to emit them. {@code hours} holds each
     * point's {@link #hoursBefore} the window end: the windows of one extraction share their end, so each
     * time is converted once, not once per window and pass.
     */
    static void summarise(long[] times, double[] hours, double[] values, int from, int n, double[] out) {
        int to = from + n;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double timeSum = 0;
        for (int i = from; i < to; i++) {
            double v = values[i];
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            timeSum += hours[i];
        }
        double mean = sum / n;
        double meanTime = timeSum / n;

        double squares = 0;
        double covariance = 0;
        double timeSquares = 0;
        for (int i = from; i < to; i++) {
            double dv = values[i] - mean;
            double dt = hours[i] - meanTime;
            squares += dv * dv;
            covariance += dt * dv;
            timeSquares += dt * dt;
        }

        out[Statistic.LAST.ordinal()] = values[to - 1];
        out[Statistic.MEAN.ordinal()] = mean;
        out[Statistic.STD.ordinal()] = Math.sqrt(squares / n);
        out[Statistic.MIN.ordinal()] = min;
        out[Statistic.MAX.ordinal()] = max;
        // no spread in time means no observable trend, not an undefined one
        out[Statistic.SLOPE.ordinal()] = timeSquares > 0 ? covariance / timeSquares : 0.0;

        double increase = counterIncrease(values, from, to);
        double spanHours = (times[to - 1] - times[from]) / MILLIS_PER_HOUR;
        out[Statistic.DELTA.ordinal()] = increase;
        out[Statistic.RATE.ordinal()] = spanHours > 0 ? increase / spanHours : 0.0;
    }

    /**
     * Increase of a monotone counter that may restart from zero: a drop is a reset, after which
     * the counter's new value is all it has counted since the reset.
     */
    static double counterIncrease(double[] values, int from, int to) {
        double increase = 0;
        for (int i = from + 1; i < to; i++) {
            double step = values[i] - values[i - 1];
            increase += step >= 0 ? step : values[i];
        }
        return increase;
    }

    /** Signed time of a sample relative to the window end, in hours (negative: before the end). */
    static double hoursBefore(long timeMillis, long windowEndMillis) {
        return (timeMillis - windowEndMillis) / MILLIS_PER_HOUR;
    }
}
