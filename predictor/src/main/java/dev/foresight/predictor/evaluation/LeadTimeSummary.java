package dev.foresight.predictor.evaluation;

/**
 * How early failures were predicted, over failures rather than windows.
 *
 * <p>A failure is identified by (node, window end + lead time) of its positive examples. It is
 * detected if any of its positive windows alarms; its lead time is that of the earliest alarming
 * window (the largest lead time among them): how long the actuator had to act. Percentiles use
 * the nearest-rank method. Positive examples without a lead time take no part.
 *
 * @param failures  failures with at least one positive example
 * @param detected  of which alarmed at least once before failing
 * @param minMillis shortest lead time of a detected failure (null if none detected)
 * @param p50Millis median lead time
 * @param p90Millis 90th percentile lead time
 * @param maxMillis longest lead time
 */
public record LeadTimeSummary(int failures, int detected, Long minMillis, Long p50Millis, Long p90Millis,
                              Long maxMillis) {

    /** Fraction of failures detected (event-level recall); NaN without failures. */
    public double detectionRate() {
        return failures > 0 ? (double) detected / failures : Double.NaN;
    }
}
