package dev.foresight.predictor.release;

/**
 * When a challenger replaces the champion.
 *
 * @param minMargin    the challenger's held-out PR-AUC must exceed the champion's by at least
 *                     this much (absolute, default 0.01): a model release makes every scorer
 *                     switch, so noise-level gains are not worth one
 * @param minPositives held-out sets with fewer distinct failures than this are too small to judge on, and
 *                     nothing is released (default 10). Failures, not positive windows: one failure gives a
 *                     dozen nearly identical windows, and a verdict on two or three failures is noise
 *                     (released thresholds once ranged 0.33-0.73 with validation precision 1.00 and
 *                     realised precision 0.001)
 */
public record ReleasePolicy(double minMargin, int minPositives) {

    public ReleasePolicy {
        if (!(minMargin >= 0) || Double.isInfinite(minMargin)) {
            throw new IllegalArgumentException("minMargin must be finite and non-negative: " + minMargin);
        }
        if (minPositives < 1) {
            throw new IllegalArgumentException("minPositives must be at least 1: " + minPositives);
        }
    }

    public static ReleasePolicy defaults() {
        return new ReleasePolicy(0.01, 10);
    }
}
