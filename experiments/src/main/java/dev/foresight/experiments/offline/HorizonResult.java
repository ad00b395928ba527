package dev.foresight.experiments.offline;

import dev.foresight.predictor.TrainingSummary;
import dev.foresight.predictor.calibration.Calibration;
import dev.foresight.predictor.evaluation.EvaluationReport;
import java.util.List;

/**
 * Everything measured for one horizon.
 *
 * @param horizon           H, e.g. {@code 7d}
 * @param horizonMillis     H in milliseconds
 * @param split             the split and its slices
 * @param censoredWindows   windows whose horizon reaches past the observed period (not labelled)
 * @param excludedWindows   windows of a node that was down or just repaired (not labelled)
 * @param training          what the model was fitted on
 * @param calibration       the threshold chosen on the validation slice
 * @param test              the predictor's report on the test slice at that threshold (weighted)
 * @param baselinePrAuc     the PR-AUC of a constant score on the test slice: its weighted base rate
 * @param prAucLift         PR-AUC over the baseline's
 * @param recallAtPrecision recall reachable at fixed precisions on the test curve
 * @param nodes             detection over nodes (FDR, FAR) at the calibrated threshold
 * @param leadTimes         lead times of detected test failures in days or minutes
 * @param categories        recall per failure category, counted over failures (null when failures carry no category)
 * @param events            failure- and episode-level figures, and the ideal predictor's where known
 * @param probabilities     the scores read as probabilities: Brier scores, raw and after the Platt scale
 * @param counterRules      the simplest rule on each counter (alarm while it increased within the longest window) on
 *                          the same test windows: what the learner has to beat
 */
public record HorizonResult(String horizon, long horizonMillis, SplitSummary split, long censoredWindows, long excludedWindows,
                            TrainingSummary training, Calibration calibration, EvaluationReport test, double baselinePrAuc,
                            double prAucLift, List<RecallAtPrecision> recallAtPrecision, NodeLevelDetection nodes,
                            LeadTimes leadTimes, CategoryReport categories, EventLevel events,
                            ProbabilityQuality probabilities, List<CounterRule> counterRules) {

    public HorizonResult {
        recallAtPrecision = List.copyOf(recallAtPrecision);
        counterRules = List.copyOf(counterRules);
    }

    /** Whether the model ranks the test windows better than a constant score does. */
    public boolean beatsBaseline() {
        return test.prAuc() > baselinePrAuc;
    }
}
