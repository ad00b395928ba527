package dev.foresight.predictor.calibration;

/**
 * A chosen alarm threshold and what it achieved on the validation slice.
 *
 * @param threshold       alarm when score {@code >= threshold}
 * @param strategy        how it was chosen
 * @param precision       weighted validation precision at the threshold
 * @param recall          weighted validation recall at the threshold
 * @param fBeta           validation F-beta at the threshold
 * @param targetPrecision the precision that was asked for
 * @param beta            the beta of F-beta
 */
public record Calibration(double threshold, Strategy strategy, double precision, double recall, double fBeta,
                          double targetPrecision, double beta) {

    /** How the threshold was chosen. */
    public enum Strategy {
        /** The smallest threshold whose precision reaches the target (the most recall at that precision). */
        TARGET_PRECISION,
        /** No threshold reaches the target precision: the threshold of maximum F-beta instead. */
        MAX_F_BETA,
        /**
         * On contiguous validation windows: the threshold catching the most failures whose alarm episodes reach the
         * target precision within a false-alarm budget per node-day (precision is then per episode, recall per
         * failure).
         */
        EPISODES
    }
}
