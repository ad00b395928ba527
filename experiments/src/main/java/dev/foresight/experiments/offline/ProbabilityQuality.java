package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.calibration.ProbabilityScale;
import java.util.List;

/**
 * How well a model's scores on the test slice read as probabilities of failure within the horizon, before and after
 * its Platt scale (fitted on other examples than the test's). Every mean is weighted by the examples' weights, as the
 * base rate is. The scale is monotone, so ranking figures (PR-AUC, ROC-AUC, recall at a precision) and the alarms at
 * the matching threshold are the raw scores'; only these figures tell raw and calibrated scores apart.
 *
 * @param scale           the Platt scale; null when none was fitted (the validation slice lacks a class)
 * @param brierRaw        Brier score of the raw scores: mean of (score - outcome)^2, 0 is perfect
 * @param brierCalibrated Brier score of the scaled scores; NaN without a scale
 * @param brierConstant   Brier score of a constant score at the test base rate, b (1 - b): the reference a
 *                        probability must beat to say more than the base rate does
 * @param meanRaw         mean raw score: next to the base rate, whether scores are too high or too low on the whole
 * @param meanCalibrated  mean scaled score; NaN without a scale
 * @param baseRate        the test base rate
 */
public record ProbabilityQuality(ProbabilityScale scale, double brierRaw, double brierCalibrated, double brierConstant,
                                 double meanRaw, double meanCalibrated, double baseRate) {

    /**
     * @param test examples with their outcome and weight
     * @param raw  the model's raw scores of them, in order
     * @param scale the model's probability scale, or null
     */
    static ProbabilityQuality measure(List<Example> test, double[] raw, ProbabilityScale scale) {
        double[] outcome = new double[raw.length];
        double[] weight = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            outcome[i] = test.get(i).failed() ? 1 : 0;
            weight[i] = test.get(i).weight();
        }
        double baseRate = mean(outcome, weight);
        double[] calibrated = null;
        if (scale != null) {
            calibrated = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                calibrated[i] = scale.apply(raw[i]);
            }
        }
        return new ProbabilityQuality(scale, brier(raw, outcome, weight),
                calibrated == null ? Double.NaN : brier(calibrated, outcome, weight), baseRate * (1 - baseRate),
                mean(raw, weight), calibrated == null ? Double.NaN : mean(calibrated, weight), baseRate);
    }

    /** Weighted mean of (p - y)^2; NaN for no weight. */
    static double brier(double[] p, double[] outcome, double[] weight) {
        double[] squared = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            squared[i] = (p[i] - outcome[i]) * (p[i] - outcome[i]);
        }
        return mean(squared, weight);
    }

    private static double mean(double[] values, double[] weight) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weight[i] * values[i];
            total += weight[i];
        }
        return total > 0 ? sum / total : Double.NaN;
    }
}
