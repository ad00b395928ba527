package dev.foresight.predictor.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every operating point of a scorer on a labelled, weighted set: for each distinct score s
 * (highest first), the weight of positives and negatives with score {@code >= s}, i.e. the
 * confusion counts of "alarm when score >= s". The one sweep behind PR-AUC, ROC-AUC, the PR
 * curve and threshold calibration, so they all agree on ties and weights.
 */
public final class OperatingCurve {

    private final double[] thresholds;
    private final double[] truePositives;
    private final double[] falsePositives;
    private final double positives;
    private final double negatives;

    private OperatingCurve(double[] thresholds, double[] truePositives, double[] falsePositives,
                           double positives, double negatives) {
        this.thresholds = thresholds;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * @param scores   scores, finite
     * @param positive true where the example is positive
     * @param weights  example weights, non-negative
     */
    public static OperatingCurve of(double[] scores, boolean[] positive, double[] weights) {
        int n = scores.length;
        if (positive.length != n || weights.length != n) {
            throw new IllegalArgumentException("scores, labels and weights differ in length: "
                    + n + ", " + positive.length + ", " + weights.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
            }
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is not finite and non-negative: " + weights[i]);
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        List<Double> cuts = new ArrayList<>();
        List<Double> tp = new ArrayList<>();
        List<Double> fp = new ArrayList<>();
        double tpSum = 0;
        double fpSum = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (positive[i]) {
                tpSum += weights[i];
            } else {
                fpSum += weights[i];
            }
            // close a point only after the last of a run of equal scores: ties alarm together
            if (k == n - 1 || scores[order[k + 1]] != scores[i]) {
                cuts.add(scores[i]);
                tp.add(tpSum);
                fp.add(fpSum);
            }
        }
        return new OperatingCurve(unbox(cuts), unbox(tp), unbox(fp), tpSum, fpSum);
    }

    /** Number of operating points (distinct scores). */
    public int size() {
        return thresholds.length;
    }

    /** Threshold of point i (descending in i). */
    public double threshold(int i) {
        return thresholds[i];
    }

    public double truePositives(int i) {
        return truePositives[i];
    }

    public double falsePositives(int i) {
        return falsePositives[i];
    }

    /** Total positive weight. */
    public double positives() {
        return positives;
    }

    /** Total negative weight. */
    public double negatives() {
        return negatives;
    }

    /** Precision at point i; NaN if nothing alarms with positive weight. */
    public double precision(int i) {
        double alarms = truePositives[i] + falsePositives[i];
        return alarms > 0 ? truePositives[i] / alarms : Double.NaN;
    }

    /** Recall at point i; NaN without positives. */
    public double recall(int i) {
        return positives > 0 ? truePositives[i] / positives : Double.NaN;
    }

    /** F-beta at point i; 0 when precision and recall are both 0, NaN when undefined. */
    public double fBeta(int i, double beta) {
        return fBeta(precision(i), recall(i), beta);
    }

    /** Positive weight over total weight: the PR-AUC of a constant scorer. */
    public double baseRate() {
        double total = positives + negatives;
        return total > 0 ? positives / total : Double.NaN;
    }

    /**
     * Area under the precision-recall curve as average precision: the sum over operating points of
     * (recall gained) x (precision there). Unlike the trapezoid rule, it never interpolates
     * optimistically between points, and a constant scorer gets exactly the base rate. NaN
     * without positives.
     */
    public double averagePrecision() {
        if (!(positives > 0)) {
            return Double.NaN;
        }
        double area = 0;
        double previousRecall = 0;
        for (int i = 0; i < thresholds.length; i++) {
            double recall = recall(i);
            if (recall > previousRecall) {
                area += (recall - previousRecall) * precision(i);
                previousRecall = recall;
            }
        }
        return area;
    }

    /** Area under the ROC curve (trapezoids, so ties count one half). NaN without both classes. */
    public double rocAuc() {
        if (!(positives > 0) || !(negatives > 0)) {
            return Double.NaN;
        }
        double area = 0;
        double previousTpr = 0;
        double previousFpr = 0;
        for (int i = 0; i < thresholds.length; i++) {
            double tpr = truePositives[i] / positives;
            double fpr = falsePositives[i] / negatives;
            area += (fpr - previousFpr) * (tpr + previousTpr) / 2;
            previousTpr = tpr;
            previousFpr = fpr;
        }
        return area;
    }

    /**
     * The precision-recall curve for reports, at most {@code maxPoints} points (evenly spaced in
     * index; the first and last points are always kept), highest threshold first.
     */
    public List<PrPoint> prCurve(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2: " + maxPoints);
        }
        List<PrPoint> points = new ArrayList<>();
        int n = thresholds.length;
        if (n == 0) {
            return points;
        }
        double step = n <= maxPoints ? 1 : (double) (n - 1) / (maxPoints - 1);
        int previous = -1;
        for (int k = 0; k < Math.min(n, maxPoints); k++) {
            int i = (int) Math.round(k * step);
            if (i != previous) {
                points.add(new PrPoint(thresholds[i], precision(i), recall(i)));
                previous = i;
            }
        }
        return points;
    }

    static double fBeta(double precision, double recall, double beta) {
        if (Double.isNaN(precision) || Double.isNaN(recall)) {
            return Double.NaN;
        }
        double b2 = beta * beta;
        double denominator = b2 * precision + recall;
        return denominator > 0 ? (1 + b2) * precision * recall / denominator : 0.0;
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
