package dev.foresight.predictor.release;

/**
 * When a challenger replaces the champion.
 *
 * @param minMargin    the challenger's held-out PR-AUC must exceed the champion's by at least
 *                     this much (absolute, default 0.01): a model release makes every scorer
 *                     switch, so noise-level gains are not worth one
 * @param minPositives held-out sets with fewer positive examples than this are too small to judge
 *                     on, and nothing is released (default 5)
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
        return new ReleasePolicy(0.01, 5);
    }
}
