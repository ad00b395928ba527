package dev.foresight.predictor.calibration;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.evaluation.OperatingCurve;
import java.util.List;

/**
 * Chooses the alarm threshold on a validation slice (newer than the training data, see
 * {@link TimeOrderedSplit}).
 *
 * <p>Candidate thresholds are the distinct validation scores (alarm when score {@code >= t}).
 * The calibrator takes the smallest candidate whose weighted precision reaches the target: every
 * alarm costs a migration or a checkpoint, so precision is the constraint and recall what is
 * maximised under it. When no candidate reaches the target it falls back to the candidate of
 * maximum F-beta (ties: the higher threshold, fewer alarms) and says so in
 * {@link Calibration#strategy()}.
 *
 * @param targetPrecision the precision to reach, in (0, 1] (default 0.8)
 * @param beta            beta of the F-beta fallback; below 1 favours precision (default 1)
 */
public record ThresholdCalibrator(double targetPrecision, double beta) {

    public ThresholdCalibrator {
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("targetPrecision must be in (0, 1]: " + targetPrecision);
        }
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be positive and finite: " + beta);
        }
    }

    /** Target precision 0.8, F1 fallback. */
    public static ThresholdCalibrator defaults() {
        return new ThresholdCalibrator(0.8, 1.0);
    }

    /** Scores the validation examples with the predictor and calibrates on them. */
    public Calibration calibrate(FailurePredictor predictor, List<Example> validation) {
        return calibrate(validation, predictor.probabilities(validation));
    }

    /** Calibrates on validation examples and their scores (same order). */
    public Calibration calibrate(List<Example> validation, double[] scores) {
        if (scores.length != validation.size()) {
            throw new IllegalArgumentException("got " + scores.length + " scores for " + validation.size() + " examples");
        }
        boolean[] positive = new boolean[scores.length];
        double[] weights = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = validation.get(i).failed();
            weights[i] = validation.get(i).weight();
        }
        return calibrate(OperatingCurve.of(scores, positive, weights));
    }

    /**
     * Calibrates on a precomputed curve.
     *
     * @throws IllegalArgumentException if the validation data has no positive weight (nothing to calibrate against)
     */
    public Calibration calibrate(OperatingCurve curve) {
        if (!(curve.positives() > 0)) {
            throw new IllegalArgumentException("the validation slice has no positive examples: cannot calibrate");
        }
        // points run from the highest threshold to the lowest, so the last qualifying one is the smallest
        int chosen = -1;
        for (int i = 0; i < curve.size(); i++) {
            if (curve.precision(i) >= targetPrecision) {
                chosen = i;
            }
        }
        if (chosen >= 0) {
            return at(curve, chosen, Calibration.Strategy.TARGET_PRECISION);
        }
        int best = 0;
        for (int i = 1; i < curve.size(); i++) {
            if (definedFBeta(curve, i) > definedFBeta(curve, best)) {
                best = i;
            }
        }
        return at(curve, best, Calibration.Strategy.MAX_F_BETA);
    }

    /** F-beta with undefined points (only zero-weight alarms) ranked below every defined one. */
    private double definedFBeta(OperatingCurve curve, int i) {
        double f = curve.fBeta(i, beta);
        return Double.isNaN(f) ? -1 : f;
    }

    private Calibration at(OperatingCurve curve, int i, Calibration.Strategy strategy) {
        return new Calibration(curve.threshold(i), strategy, curve.precision(i), curve.recall(i),
                curve.fBeta(i, beta), targetPrecision, beta);
    }
}
