package dev.foresight.predictor.evaluation;

/**
 * Weighted confusion counts at one threshold (each example counts its weight).
 *
 * @param truePositives  alarmed positives
 * @param falsePositives alarmed negatives
 * @param trueNegatives  quiet negatives
 * @param falseNegatives quiet positives
 */
public record ConfusionCounts(double truePositives, double falsePositives, double trueNegatives,
                              double falseNegatives) {

    /** TP / (TP + FP); NaN when nothing alarms. */
    public double precision() {
        double alarms = truePositives + falsePositives;
        return alarms > 0 ? truePositives / alarms : Double.NaN;
    }

    /** TP / (TP + FN); NaN without positives. */
    public double recall() {
        double positives = truePositives + falseNegatives;
        return positives > 0 ? truePositives / positives : Double.NaN;
    }

    /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined. */
    public double f1() {
        return OperatingCurve.fBeta(precision(), recall(), 1.0);
    }
}
