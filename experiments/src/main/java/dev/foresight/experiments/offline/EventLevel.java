package dev.foresight.experiments.offline;

import dev.foresight.predictor.evaluation.FailureDetection;

/**
 * Failure- and episode-level figures of one horizon on the test slice (see {@link FailureDetection}), at the
 * calibrated threshold and at the best threshold for the target operating point, and the ideal predictor's on the
 * same windows when the recording has its scores.
 *
 * @param atThreshold      the counts at the calibrated threshold
 * @param atTarget         the best threshold reaching the target (null when none does)
 * @param idealPrAuc       the ideal predictor's PR-AUC on the test windows (NaN without ideal scores)
 * @param idealAtTarget    the ideal predictor's best point at the target (null when none, or no ideal scores)
 */
public record EventLevel(double targetPrecision, double targetFalseAlarmsPerNodeDay, FailureDetection.Point atThreshold,
                         FailureDetection.Point atTarget, double idealPrAuc, FailureDetection.Point idealAtTarget) {
}
