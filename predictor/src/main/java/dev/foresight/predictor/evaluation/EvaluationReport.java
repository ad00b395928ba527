package dev.foresight.predictor.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a scorer did on a labelled set at one threshold. A plain record of numbers, lists and
 * records, so Jackson serialises it as is. Undefined ratios are NaN (e.g. precision when nothing
 * alarms, AUCs without positives).
 *
 * @param threshold             alarm when score {@code >= threshold}
 * @param examples              number of examples
 * @param nodes                 number of distinct nodes
 * @param positiveWeight        total weight of positive examples
 * @param negativeWeight        total weight of negative examples
 * @param baseRate              positive weight over total weight: the PR-AUC of a constant scorer
 * @param confusion             weighted confusion counts at the threshold
 * @param precision             weighted precision at the threshold
 * @param recall                weighted recall at the threshold
 * @param f1                    F1 at the threshold
 * @param prAuc                 weighted average precision (see {@link OperatingCurve#averagePrecision()})
 * @param rocAuc                weighted ROC-AUC (trapezoids)
 * @param leadTimes             lead-time distribution of detected failures
 * @param falseAlarms           alarm episodes without any positive window (see {@link Evaluation})
 * @param nodeDays              observed node-days (see {@link Evaluation})
 * @param falseAlarmsPerNodeDay falseAlarms / nodeDays; NaN when no time was observed
 * @param prCurve               precision-recall curve, highest threshold first
 */
public record EvaluationReport(
        double threshold,
        int examples,
        int nodes,
        double positiveWeight,
        double negativeWeight,
        double baseRate,
        ConfusionCounts confusion,
        double precision,
        double recall,
        double f1,
        double prAuc,
        double rocAuc,
        LeadTimeSummary leadTimes,
        int falseAlarms,
        double nodeDays,
        double falseAlarmsPerNodeDay,
        List<PrPoint> prCurve) {

    public EvaluationReport {
        prCurve = List.copyOf(prCurve);
    }

    /**
     * The headline figures as a flat name-to-number map, e.g. for the {@code metrics} field of a
     * model release. Absent lead times are left out rather than given a fake value.
     */
    public Map<String, Double> headline() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("threshold", threshold);
        metrics.put("precision", precision);
        metrics.put("recall", recall);
        metrics.put("f1", f1);
        metrics.put("prAuc", prAuc);
        metrics.put("rocAuc", rocAuc);
        metrics.put("baseRate", baseRate);
        metrics.put("examples", (double) examples);
        metrics.put("falseAlarmsPerNodeDay", falseAlarmsPerNodeDay);
        metrics.put("failures", (double) leadTimes.failures());
        metrics.put("failuresDetected", (double) leadTimes.detected());
        putIfPresent(metrics, "leadTimeMinMillis", leadTimes.minMillis());
        putIfPresent(metrics, "leadTimeP50Millis", leadTimes.p50Millis());
        putIfPresent(metrics, "leadTimeP90Millis", leadTimes.p90Millis());
        putIfPresent(metrics, "leadTimeMaxMillis", leadTimes.maxMillis());
        return metrics;
    }

    private static void putIfPresent(Map<String, Double> metrics, String name, Long value) {
        if (value != null) {
            metrics.put(name, value.doubleValue());
        }
    }
}
