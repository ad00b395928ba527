package dev.foresight.experiments;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.failure.FailureClass;
import dev.foresight.experiments.report.Quantities;
import dev.foresight.predictor.evaluation.FailureDetection;
import dev.foresight.predictor.evaluation.FailureDetection.Failure;
import dev.foresight.predictor.evaluation.FailureDetection.ScoredWindow;
import dev.foresight.predictor.evaluation.OperatingCurve;
import dev.foresight.predictor.evaluation.PrPoint;
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
import java.util.Optional;

/**
 * How good the predictions a run acted on were, judged against the run's own failures as an operator counts them
 * ({@link FailureDetection}), from the first tick a model was in effect (failures before it had nothing to catch
 * them): recall per failure (an alarm on its node at least 1 + actuation-lag ticks before it, within the horizon),
 * precision per alarm episode, false alarms per node-day, lead times. Each figure also comes for the announced
 * failures only (a precursor preceded them, as the run's ideal scores show), and next to the ideal predictor's on
 * the same node-ticks: PR-AUC and recall at 0.9 episode precision with at most 0.05 false alarms per node-day.
 */
final class PredictionQuality {

    /** The operating point the project's targets are stated at. */
    static final double TARGET_PRECISION = 0.9;
    static final double TARGET_FALSE_ALARMS_PER_NODE_DAY = 0.05;
    private static final int CURVE_POINTS = 300;

    private PredictionQuality() {}

    /** The figures and the precision-recall curve (node-tick level: recall, precision pairs by falling threshold). */
    record Measured(Map<String, Double> figures, List<double[]> prCurve, List<JudgedFailure> judged) {}

    static Measured measure(Path runDir, long horizonTicks, Scenario scenario) {
        List<Prediction> predictions = RecordingReader.readAll(runDir, RecordingStream.PREDICTIONS, Prediction.class);
        if (predictions.isEmpty()) {
            return new Measured(Map.of(), List.of(), List.of());
        }
        long tickMillis = scenario.tickSeconds() * 1000L;
        long horizonMillis = horizonTicks * tickMillis;
        long firstModelTick = predictions.stream().filter(p -> p.getModelVersion() >= 0).mapToLong(Prediction::getTick)
                .min().orElse(Long.MAX_VALUE);
        Map<String, Double> q = new LinkedHashMap<>();
        q.put("horizonTicks", (double) horizonTicks);
        if (firstModelTick == Long.MAX_VALUE) {
            q.put("modelTicks", 0.0);
            return new Measured(q, List.of(), List.of());
        }
        List<Prediction> scored = predictions.stream().filter(p -> p.getTick() >= firstModelTick).toList();
        Map<String, double[]> ideal = idealByNodeTick(runDir, scenario);
        List<Failure> failures = failures(runDir, ideal, horizonTicks, firstModelTick);

        List<ScoredWindow> learned = new ArrayList<>(scored.size());
        List<ScoredWindow> alarms = new ArrayList<>(scored.size());
        List<ScoredWindow> idealWindows = new ArrayList<>(scored.size());
        for (Prediction p : scored) {
            long time = p.getTimestamp().toEpochMilli();
            learned.add(new ScoredWindow(p.getNodeId(), time, p.getProbability()));
            alarms.add(new ScoredWindow(p.getNodeId(), time, p.getAlarm() ? 1 : 0));
            double[] idealOfNode = ideal.get(p.getNodeId());
            double idealScore = idealOfNode != null && p.getTick() < idealOfNode.length ? idealOfNode[(int) p.getTick()] : 0;
            idealWindows.add(new ScoredWindow(p.getNodeId(), time, Double.isNaN(idealScore) ? 0 : idealScore));
        }
        double nodeDays = FailureDetection.nodeDays(learned);
        long minLeadMillis = (1L + scenario.actuationLagTicks()) * tickMillis;
        FailureDetection.Point acted = FailureDetection.of(alarms, failures, horizonMillis, minLeadMillis, nodeDays).at(1);
        FailureDetection learnedCurve = FailureDetection.of(learned, failures, horizonMillis, minLeadMillis, nodeDays);

        q.put("modelTicks", (double) (scenario.durationTicks() - firstModelTick));
        q.put("precision", acted.precision());
        q.put("recall", acted.recall());
        q.put("announcedRecall", acted.announcedRecall());
        double f1 = 2 * acted.precision() * acted.recall() / (acted.precision() + acted.recall());
        q.put("f1", Double.isFinite(f1) ? f1 : Double.NaN);
        q.put("falseAlarmsPerNodeDay", acted.falseAlarmsPerNodeDay());
        q.put("failures", (double) acted.failures());
        q.put("announcedFailures", (double) acted.announcedFailures());
        q.put("failuresDetected", (double) acted.detected());
        q.put("alarmEpisodes", (double) acted.episodes());
        List<JudgedFailure> judged = judge(alarms, failures, horizonMillis, minLeadMillis);
        leadTimes(judged, q);
        byClass(judged, q);

        OperatingCurve learnedPr = windowCurve(learned, failures, horizonMillis);
        OperatingCurve idealPr = windowCurve(idealWindows, failures, horizonMillis);
        q.put("prAuc", learnedPr.averagePrecision());
        q.put("idealPrAuc", idealPr.averagePrecision());
        q.put("prAucOfIdeal", learnedPr.averagePrecision() / idealPr.averagePrecision());
        q.put("recallAtPrecision90", atTarget(learnedCurve));
        q.put("idealRecallAtPrecision90",
                atTarget(FailureDetection.of(idealWindows, failures, horizonMillis, minLeadMillis, nodeDays)));
        return new Measured(q, curve(learnedPr), judged);
    }

    /** Recall of announced failures at the target operating point; 0 when no threshold reaches it. */
    private static double atTarget(FailureDetection detection) {
        Optional<FailureDetection.Point> best = detection.bestRecall(TARGET_PRECISION, TARGET_FALSE_ALARMS_PER_NODE_DAY, CURVE_POINTS);
        return best.map(FailureDetection.Point::announcedRecall).orElse(detection.failures().isEmpty() ? Double.NaN : 0.0);
    }

    /**
     * Every failure with the lead of the earliest alarm on its node that came at least {@code minLeadMillis} and at
     * most the horizon before it (null: not caught).
     */
    private static List<JudgedFailure> judge(List<ScoredWindow> alarms, List<Failure> failures, long horizonMillis,
                                             long minLeadMillis) {
        Map<String, List<Long>> alarmTimes = new HashMap<>();
        for (ScoredWindow w : alarms) {
            if (w.score() > 0) {
                alarmTimes.computeIfAbsent(w.nodeId(), k -> new ArrayList<>()).add(w.timeMillis());
            }
        }
        List<JudgedFailure> judged = new ArrayList<>(failures.size());
        for (Failure f : failures) {
            long earliest = Long.MAX_VALUE;
            for (long t : alarmTimes.getOrDefault(f.nodeId(), List.of())) {
                long ahead = f.timeMillis() - t;
                if (ahead >= minLeadMillis && ahead <= horizonMillis) {
                    earliest = Math.min(earliest, t);
                }
            }
            judged.add(new JudgedFailure(f.cause() == null ? "unknown" : f.cause(), f.announced(),
                    earliest == Long.MAX_VALUE ? null : (f.timeMillis() - earliest) / 60_000.0));
        }
        return judged;
    }

    /**
     * Announced failures and how many the run's alarms caught, per failure class, every class present (0 when the run
     * had none), so that a sweep can pool them over seeds: pooled recall is the ratio of the two sums.
     */
    private static void byClass(List<JudgedFailure> judged, Map<String, Double> q) {
        for (FailureClass c : FailureClass.values()) {
            List<JudgedFailure> announced = judged.stream()
                    .filter(f -> f.cause().equals(c.label()) && Boolean.TRUE.equals(f.announced())).toList();
            q.put(Quantities.perClass("announcedFailures", c.label()), (double) announced.size());
            q.put(Quantities.perClass("announcedCaught", c.label()), (double) announced.stream().filter(JudgedFailure::caught).count());
        }
    }

    /** Shortest, median, 90th percentile and longest lead of the caught failures, in minutes. */
    private static void leadTimes(List<JudgedFailure> judged, Map<String, Double> q) {
        double[] sorted = JudgedFailure.sortedLeads(judged);
        if (sorted.length == 0) {
            return;
        }
        q.put("leadTimeMinutesMin", sorted[0]);
        q.put("leadTimeMinutesMedian", JudgedFailure.medianLead(judged));
        q.put("leadTimeMinutesP90", sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)]);
        q.put("leadTimeMinutesMax", sorted[sorted.length - 1]);
    }

    /** Node-tick level curve: a node-tick is positive when its node fails within the horizon after it. */
    private static OperatingCurve windowCurve(List<ScoredWindow> windows, List<Failure> failures, long horizonMillis) {
        Map<String, long[]> failureTimes = new HashMap<>();
        Map<String, List<Long>> byNode = new HashMap<>();
        failures.forEach(f -> byNode.computeIfAbsent(f.nodeId(), k -> new ArrayList<>()).add(f.timeMillis()));
        byNode.forEach((node, times) -> failureTimes.put(node, times.stream().mapToLong(Long::longValue).sorted().toArray()));
        int n = windows.size();
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        for (int i = 0; i < n; i++) {
            ScoredWindow w = windows.get(i);
            scores[i] = w.score();
            long[] times = failureTimes.get(w.nodeId());
            if (times != null) {
                int next = Arrays.binarySearch(times, w.timeMillis() + 1);
                next = next >= 0 ? next : -next - 1;
                positive[i] = next < times.length && times[next] - w.timeMillis() <= horizonMillis;
            }
        }
        return OperatingCurve.of(scores, positive, weights);
    }

    private static List<double[]> curve(OperatingCurve curve) {
        List<double[]> points = new ArrayList<>();
        for (PrPoint p : curve.prCurve(200)) {
            points.add(new double[] {p.recall(), p.precision()});
        }
        return points;
    }

    /** The ideal predictor's score of every node at every tick (NaN where the node did not report). */
    private static Map<String, double[]> idealByNodeTick(Path runDir, Scenario scenario) {
        Map<String, double[]> ideal = new HashMap<>();
        int ticks = (int) scenario.durationTicks();
        RecordingReader.forEach(runDir, RecordingStream.IDEAL_SCORES, Prediction.class, p -> {
            double[] series = ideal.computeIfAbsent(p.getNodeId(), k -> {
                double[] s = new double[ticks];
                Arrays.fill(s, Double.NaN);
                return s;
            });
            if (p.getTick() >= 0 && p.getTick() < ticks) {
                series[(int) p.getTick()] = p.getProbability();
            }
        });
        return ideal;
    }

    /**
     * The run's failures from the first model tick on; announced when the ideal predictor saw a precursor on the node
     * within the horizon before the failure (unknown when the run recorded no ideal scores).
     */
    private static List<Failure> failures(Path runDir, Map<String, double[]> ideal, long horizonTicks, long firstModelTick) {
        List<Failure> failures = new ArrayList<>();
        RecordingReader.forEach(runDir, RecordingStream.NODE_EVENTS, NodeEvent.class, e -> {
            if (e.getType() != NodeEventType.FAILED || e.getTick() < firstModelTick) {
                return;
            }
            Boolean announced = null;
            if (!ideal.isEmpty()) {
                announced = false;
                double[] series = ideal.get(e.getNodeId());
                for (long t = Math.max(0, e.getTick() - horizonTicks); series != null && t < e.getTick() && t < series.length; t++) {
                    announced |= series[(int) t] > 0;
                }
            }
            failures.add(new Failure(e.getNodeId(), e.getTimestamp().toEpochMilli(), e.getCause(), announced));
        });
        return failures;
    }
}
