package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.evaluation.EvaluationReport;
import dev.foresight.predictor.evaluation.LeadTimeSummary;
import dev.foresight.predictor.evaluation.OperatingCurve;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures a test slice is judged by beyond the predictor's {@code EvaluationReport}: recall at fixed
 * precisions, detection over nodes, and lead times in days or minutes.
 */
final class HeldOutMetrics {

    private HeldOutMetrics() {
    }

    static List<RecallAtPrecision> recallAtPrecision(List<Example> test, double[] scores, List<Double> precisions) {
        boolean[] positive = new boolean[scores.length];
        double[] weights = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = test.get(i).failed();
            weights[i] = test.get(i).weight();
        }
        OperatingCurve curve = OperatingCurve.of(scores, positive, weights);
        List<RecallAtPrecision> points = new ArrayList<>();
        for (double p : precisions) {
            double bestRecall = 0;
            double threshold = Double.NaN;
            for (int k = 0; k < curve.size(); k++) {
                if (curve.precision(k) >= p && curve.recall(k) > bestRecall) {
                    bestRecall = curve.recall(k);
                    threshold = curve.threshold(k);
                }
            }
            points.add(new RecallAtPrecision(p, bestRecall, threshold));
        }
        return points;
    }

    static NodeLevelDetection nodeLevel(List<Example> test, double[] scores, double threshold) {
        Set<String> failed = new HashSet<>();
        Set<String> detected = new HashSet<>();
        Set<String> flagged = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < scores.length; i++) {
            Example e = test.get(i);
            boolean alarm = scores[i] >= threshold;
            all.add(e.nodeId());
            if (e.failed()) {
                failed.add(e.nodeId());
                if (alarm) {
                    detected.add(e.nodeId());
                }
            }
            if (alarm) {
                flagged.add(e.nodeId());
            }
        }
        Set<String> healthy = new HashSet<>(all);
        healthy.removeAll(failed);
        Set<String> flaggedHealthy = new HashSet<>(flagged);
        flaggedHealthy.retainAll(healthy);
        return new NodeLevelDetection(failed.size(), detected.size(), ratio(detected.size(), failed.size()), healthy.size(),
                flaggedHealthy.size(), ratio(flaggedHealthy.size(), healthy.size()));
    }

    static LeadTimes leadTimes(List<Example> test, double[] scores, double threshold, EvaluationReport report, Duration tick) {
        boolean daily = OfflineOptions.daily(tick);
        double unitMillis = daily ? 86_400_000.0 : 60_000.0;
        Map<String, Long> earliestAlarm = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            Example e = test.get(i);
            if (e.failed() && e.leadTimeMillis() != null && scores[i] >= threshold) {
                earliestAlarm.merge(e.nodeId() + "@" + e.failureTimeMillis(), e.leadTimeMillis(), Math::max);
            }
        }
        TreeMap<Long, Integer> histogram = new TreeMap<>();
        earliestAlarm.values().forEach(lead -> histogram.merge(Math.round(lead / unitMillis), 1, Integer::sum));
        LeadTimeSummary s = report.leadTimes();
        return new LeadTimes(daily ? "days" : "minutes", s.failures(), s.detected(), in(s.minMillis(), unitMillis),
                in(s.p50Millis(), unitMillis), in(s.p90Millis(), unitMillis), in(s.maxMillis(), unitMillis), histogram);
    }

    private static Double in(Long millis, double unitMillis) {
        return millis == null ? null : millis / unitMillis;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }
}
