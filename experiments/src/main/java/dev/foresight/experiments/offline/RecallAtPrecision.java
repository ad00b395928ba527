package dev.foresight.experiments.offline;

/**
 * The most recall reachable on the test slice while keeping at least a given precision: a point of the
 * test PR curve, the way published results are quoted ("precision &gt; 95 % at recall 67 %"). The
 * threshold is chosen on the test data itself, so this describes the ranking, not an operating point a
 * deployed model would have picked (that is the calibrated threshold).
 *
 * @param precision the precision asked for
 * @param recall    the largest weighted recall at a threshold whose weighted precision reaches it (0 if none)
 * @param threshold that threshold, NaN if none
 */
public record RecallAtPrecision(double precision, double recall, double threshold) {
}
