package dev.foresight.experiments;

import dev.foresight.cluster.Scenario;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How good the predictions a run acted on were, judged against the run's own failures, event by event:
 * <ul>
 *   <li>recall: share of failures that had an alarm on their node in the H ticks before;</li>
 *   <li>precision: share of alarm ticks after which the node failed within H ticks;</li>
 *   <li>lead time: from a detected failure's first alarm in its window to the failure;</li>
 *   <li>false alarms per node-day: alarm episodes (consecutive alarm ticks) not followed by a failure.</li>
 * </ul>
 */
final class PredictionQuality {

    private PredictionQuality() {}

    /** The figures and the precision-recall curve (node-tick level: recall, precision pairs by falling threshold). */
    record Measured(Map<String, Double> figures, List<double[]> prCurve) {}

    static Measured measure(Path runDir, long horizonTicks, Scenario scenario) {
        List<Prediction> predictions = RecordingReader.readAll(runDir, RecordingStream.PREDICTIONS, Prediction.class);
        if (predictions.isEmpty()) {
            return new Measured(Map.of(), List.of());
        }
        Map<String, TreeSet<Long>> failures = new HashMap<>();
        RecordingReader.forEach(runDir, RecordingStream.NODE_EVENTS, NodeEvent.class, e -> {
            if (e.getType() == NodeEventType.FAILED) {
                failures.computeIfAbsent(e.getNodeId(), n -> new TreeSet<>()).add(e.getTick());
            }
        });
        Map<String, TreeSet<Long>> alarms = new HashMap<>();
        long alarmTicks = 0;
        long trueAlarmTicks = 0;
        for (Prediction p : predictions) {
            if (!p.getAlarm()) {
                continue;
            }
            alarmTicks++;
            alarms.computeIfAbsent(p.getNodeId(), n -> new TreeSet<>()).add(p.getTick());
            Long next = failures.getOrDefault(p.getNodeId(), new TreeSet<>()).higher(p.getTick());
            if (next != null && next - p.getTick() <= horizonTicks) {
                trueAlarmTicks++;
            }
        }
        int failureCount = 0;
        List<Long> leads = new ArrayList<>();
        for (var entry : failures.entrySet()) {
            TreeSet<Long> nodeAlarms = alarms.getOrDefault(entry.getKey(), new TreeSet<>());
            for (long f : entry.getValue()) {
                failureCount++;
                Long first = nodeAlarms.ceiling(f - horizonTicks);
                if (first != null && first < f) {
                    leads.add(f - first);
                }
            }
        }
        long falseEpisodes = 0;
        for (var entry : alarms.entrySet()) {
            TreeSet<Long> nodeFailures = failures.getOrDefault(entry.getKey(), new TreeSet<>());
            long previous = Long.MIN_VALUE;
            for (long t : entry.getValue()) {
                boolean newEpisode = t != previous + 1;
                previous = t;
                Long next = nodeFailures.higher(t);
                if (newEpisode && (next == null || next - t > horizonTicks)) {
                    falseEpisodes++;
                }
            }
        }
        double nodeDays = (double) scenario.nodes() * scenario.durationTicks() * scenario.tickSeconds() / 86400.0;
        Map<String, Double> q = new LinkedHashMap<>();
        double precision = alarmTicks == 0 ? Double.NaN : (double) trueAlarmTicks / alarmTicks;
        double recall = failureCount == 0 ? Double.NaN : (double) leads.size() / failureCount;
        q.put("precision", precision);
        q.put("recall", recall);
        q.put("f1", precision + recall > 0 ? 2 * precision * recall / (precision + recall) : Double.NaN);
        q.put("failures", (double) failureCount);
        q.put("failuresDetected", (double) leads.size());
        q.put("alarmTicks", (double) alarmTicks);
        q.put("falseAlarmsPerNodeDay", nodeDays == 0 ? Double.NaN : falseEpisodes / nodeDays);
        if (!leads.isEmpty()) {
            long[] sorted = leads.stream().mapToLong(Long::longValue).sorted().toArray();
            double minutesPerTick = scenario.tickSeconds() / 60.0;
            q.put("leadTimeMinutesMin", sorted[0] * minutesPerTick);
            q.put("leadTimeMinutesMedian", sorted[sorted.length / 2] * minutesPerTick);
            q.put("leadTimeMinutesP90", sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] * minutesPerTick);
            q.put("leadTimeMinutesMax", Arrays.stream(sorted).max().orElse(0) * minutesPerTick);
        }
        q.put("horizonTicks", (double) horizonTicks);
        return new Measured(q, prCurve(predictions, failures, horizonTicks));
    }

    /**
     * Precision and recall of "alarm when probability >= t" for every threshold t, over node-ticks: a
     * node-tick is positive when its node fails within the horizon after it. At most ~200 points.
     */
    static List<double[]> prCurve(List<Prediction> predictions, Map<String, TreeSet<Long>> failures, long horizonTicks) {
        int n = predictions.size();
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(i);
            score[i] = p.getProbability();
            Long next = failures.getOrDefault(p.getNodeId(), new TreeSet<>()).higher(p.getTick());
            positive[i] = next != null && next - p.getTick() <= horizonTicks;
            if (positive[i]) {
                positives++;
            }
        }
        List<double[]> curve = new ArrayList<>();
        if (positives == 0) {
            return curve;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        int step = Math.max(1, n / 200);
        int truePositives = 0;
        for (int k = 0; k < n; k++) {
            if (positive[order[k]]) {
                truePositives++;
            }
            boolean thresholdEnds = k + 1 == n || score[order[k + 1]] != score[order[k]];
            if (thresholdEnds && (k % step == 0 || k + 1 == n || curve.isEmpty())) {
                curve.add(new double[] {(double) truePositives / positives, (double) truePositives / (k + 1)});
            }
        }
        return curve;
    }
}
