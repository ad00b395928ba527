package dev.foresight.predictor.evaluation;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Evaluates scores against labelled examples at a threshold.
 *
 * <p>Window-level figures (confusion, precision, recall, F1, PR-AUC, ROC-AUC) weigh each example
 * by its weight. Event-level figures count unweighted and assume the examples are the
 * contiguous windows of each node, as on a replayed or held-out stream:
 * <ul>
 *   <li><b>Lead times</b>: see {@link LeadTimeSummary}.</li>
 *   <li><b>False alarms</b>: a node's examples in time order form alarm episodes (maximal runs of
 *       alarming windows); an episode with no positive window is one false alarm, however long it
 *       lasts, because the actuator acts once per episode.</li>
 *   <li><b>Node-days</b>: per node, the time from its first to its last example plus one typical
 *       spacing (the median gap between its examples), so n evenly spaced windows cover n spacings.</li>
 * </ul>
 */
public final class Evaluation {

    /** Default number of points kept in a report's PR curve. */
    public static final int DEFAULT_CURVE_POINTS = 200;

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private Evaluation() {
    }

    /** Scores the examples with the predictor and evaluates them. */
    public static EvaluationReport evaluate(FailurePredictor predictor, List<Example> examples, double threshold) {
        return evaluate(examples, predictor.probabilities(examples), threshold);
    }

    /** Evaluates scores given in example order, with {@link #DEFAULT_CURVE_POINTS} curve points. */
    public static EvaluationReport evaluate(List<Example> examples, double[] scores, double threshold) {
        return evaluate(examples, scores, threshold, DEFAULT_CURVE_POINTS);
    }

    /**
     * Evaluates scores given in example order.
     *
     * @param curvePoints the most points kept in the PR curve (at least 2)
     */
    public static EvaluationReport evaluate(List<Example> examples, double[] scores, double threshold, int curvePoints) {
        Objects.requireNonNull(examples, "examples");
        if (scores.length != examples.size()) {
            throw new IllegalArgumentException("got " + scores.length + " scores for " + examples.size() + " examples");
        }
        int n = scores.length;
        boolean[] positive = new boolean[n];
        double[] weights = new double[n];
        boolean[] alarm = new boolean[n];
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < n; i++) {
            Example example = examples.get(i);
            positive[i] = example.failed();
            weights[i] = example.weight();
            alarm[i] = scores[i] >= threshold;
            if (positive[i]) {
                if (alarm[i]) {
                    tp += weights[i];
                } else {
                    fn += weights[i];
                }
            } else if (alarm[i]) {
                fp += weights[i];
            } else {
                tn += weights[i];
            }
        }
        ConfusionCounts confusion = new ConfusionCounts(tp, fp, tn, fn);
        OperatingCurve curve = OperatingCurve.of(scores, positive, weights);
        Map<String, List<Integer>> byNode = indicesByNode(examples);
        double nodeDays = nodeDays(examples, byNode);
        int falseAlarms = falseAlarms(positive, alarm, byNode);

        return new EvaluationReport(
                threshold,
                n,
                byNode.size(),
                curve.positives(),
                curve.negatives(),
                curve.baseRate(),
                confusion,
                confusion.precision(),
                confusion.recall(),
                confusion.f1(),
                curve.averagePrecision(),
                curve.rocAuc(),
                leadTimes(examples, alarm),
                falseAlarms,
                nodeDays,
                nodeDays > 0 ? falseAlarms / nodeDays : Double.NaN,
                curve.prCurve(curvePoints));
    }

    /** Each node's example indices in time order; nodes in name order, for reproducible reports. */
    private static Map<String, List<Integer>> indicesByNode(List<Example> examples) {
        Map<String, List<Integer>> byNode = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byNode.computeIfAbsent(examples.get(i).nodeId(), node -> new ArrayList<>()).add(i);
        }
        for (List<Integer> indices : byNode.values()) {
            indices.sort(Comparator.comparingLong(i -> examples.get(i).timeMillis()));
        }
        return byNode;
    }

    private static int falseAlarms(boolean[] positive, boolean[] alarm, Map<String, List<Integer>> byNode) {
        int count = 0;
        for (List<Integer> indices : byNode.values()) {
            boolean inEpisode = false;
            boolean episodeHasPositive = false;
            for (int i : indices) {
                if (alarm[i]) {
                    episodeHasPositive = (inEpisode && episodeHasPositive) || positive[i];
                    inEpisode = true;
                } else {
                    if (inEpisode && !episodeHasPositive) {
                        count++;
                    }
                    inEpisode = false;
                }
            }
            if (inEpisode && !episodeHasPositive) {
                count++;
            }
        }
        return count;
    }

    private static double nodeDays(List<Example> examples, Map<String, List<Integer>> byNode) {
        double millis = 0;
        for (List<Integer> indices : byNode.values()) {
            long first = examples.get(indices.get(0)).timeMillis();
            long last = examples.get(indices.get(indices.size() - 1)).timeMillis();
            millis += (last - first) + medianGap(examples, indices);
        }
        return millis / MILLIS_PER_DAY;
    }

    private static long medianGap(List<Example> examples, List<Integer> indices) {
        if (indices.size() < 2) {
            return 0;
        }
        long[] gaps = new long[indices.size() - 1];
        for (int k = 1; k < indices.size(); k++) {
            gaps[k - 1] = examples.get(indices.get(k)).timeMillis() - examples.get(indices.get(k - 1)).timeMillis();
        }
        Arrays.sort(gaps);
        return gaps[(gaps.length - 1) / 2];
    }

    private static LeadTimeSummary leadTimes(List<Example> examples, boolean[] alarm) {
        // failure (node, time) -> longest alarming lead time, or null while undetected
        Map<String, Map<Long, Long>> failures = new TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Example example = examples.get(i);
            if (!example.failed() || example.leadTimeMillis() == null) {
                continue;
            }
            Map<Long, Long> nodeFailures = failures.computeIfAbsent(example.nodeId(), node -> new TreeMap<>());
            Long failureTime = example.failureTimeMillis();
            Long best = nodeFailures.get(failureTime);
            if (alarm[i] && (best == null || example.leadTimeMillis() > best)) {
                best = example.leadTimeMillis();
            }
            nodeFailures.put(failureTime, best);
        }
        List<Long> leads = new ArrayList<>();
        int total = 0;
        for (Map<Long, Long> nodeFailures : failures.values()) {
            for (Long lead : nodeFailures.values()) {
                total++;
                if (lead != null) {
                    leads.add(lead);
                }
            }
        }
        if (leads.isEmpty()) {
            return new LeadTimeSummary(total, 0, null, null, null, null);
        }
        leads.sort(null);
        return new LeadTimeSummary(total, leads.size(), leads.get(0), nearestRank(leads, 0.5),
                nearestRank(leads, 0.9), leads.get(leads.size() - 1));
    }

    /** The smallest value with at least a fraction q of the values at or below it. */
    static long nearestRank(List<Long> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
