package dev.foresight.experiments.offline;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.calibration.Calibration;
import dev.foresight.predictor.calibration.ProbabilityScale;
import dev.foresight.predictor.calibration.ThresholdCalibrator;
import dev.foresight.predictor.evaluation.Evaluation;
import dev.foresight.predictor.evaluation.EvaluationReport;
import dev.foresight.predictor.label.LabelPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import dev.foresight.predictor.evaluation.FailureDetection;
import dev.foresight.predictor.evaluation.OperatingCurve;
import dev.foresight.predictor.label.HealthEvent;
import java.util.function.Consumer;

/**
 * {@code foresight evaluate}: on any recording, for each horizon, label the windows, split them (never at
 * random), fit a model on the training slice, calibrate its threshold on the validation slice and measure
 * it on the held-out test slice, next to a constant-score baseline.
 */
public final class OfflineEvaluation {

    private OfflineEvaluation() {
    }

    public static OfflineReport run(Path recording, OfflineOptions options, Consumer<String> progress) {
        RecordedFleet fleet = RecordedFleet.open(recording);
        PreparedRecording prepared = PreparedRecording.prepare(fleet, options, progress);
        List<HorizonResult> results = new ArrayList<>();
        for (Duration horizon : options.horizonsFor(fleet.tick())) {
            results.add(evaluate(prepared, horizon, options, progress));
        }
        return report(recording, prepared, describe(options.predictor()), options.targetPrecision(), results);
    }

    /** Algorithm, seed and class weight, e.g. {@code RANDOM_FOREST (seed 42, classes balanced, weight <= 10)}. */
    static String describe(PredictorOptions predictor) {
        PredictorOptions.Imbalance imbalance = predictor.imbalance();
        return predictor.algorithm() + " (seed " + predictor.seed() + ", "
                + (imbalance.balanceClasses() ? "classes balanced, weight <= " + imbalance.maxClassWeight() : "no class weight")
                + (imbalance.maxNegativesPerPositive() > 0 ? ", <= " + imbalance.maxNegativesPerPositive() + " negatives per positive" : "")
                + ")";
    }

    private static HorizonResult evaluate(PreparedRecording prepared, Duration horizon, OfflineOptions options,
                                          Consumer<String> progress) {
        FeatureTable table = prepared.table();
        RecordedFleet fleet = prepared.fleet();
        HorizonLabels labels = HorizonLabels.label(table, fleet, labelPolicy(table, fleet, horizon));
        OfflineSplit.Slices slices = OfflineSplit.split(table, labels, fleet, options);
        SplitSummary split = slices.summary();
        progress.accept(String.format(Locale.ROOT, "H=%s: %s split (%s); train %d (%d failures), validation %d (%d), test %d (%d)",
                DurationText.format(horizon), split.kind(), split.reason(), split.train().examples(), split.train().failures(),
                split.validation().examples(), split.validation().failures(), split.test().examples(), split.test().failures()));
        FailurePredictor model = FailurePredictor.fit(table.schema(), trainingExamples(slices.train(), labels, prepared,
                options.earlyMargin()), options.predictor());
        List<Example> validation = examples(slices.validation(), labels, prepared);
        requireFiniteScores(model.rawScores(validation), options.predictor(), horizon);
        Calibration calibration = new ThresholdCalibrator(options.targetPrecision(), 1.0).calibrate(model, validation);
        // the threshold and every ranking figure stay on the raw scores; the scale only turns them into probabilities
        ProbabilityScale scale = bothClasses(validation) ? ProbabilityScale.fit(model, validation) : null;
        List<Example> test = examples(slices.test(), labels, prepared);
        return measure(fleet, slices.testScope(), horizon, split, labels, model, calibration, scale, test,
                options.fixedPrecisions(), options.minLead());
    }

    /**
     * Stops with the cause when a fit scores windows NaN: Smile's gradient boosting can diverge (its Newton step divides
     * by a near-zero second derivative when a leaf holds only badly misclassified windows), depending on the seed.
     */
    static void requireFiniteScores(double[] validationScores, PredictorOptions predictor, Duration horizon) {
        long bad = Arrays.stream(validationScores).filter(v -> !Double.isFinite(v)).count();
        if (bad > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "H=%s: the %s fit scores %d of %d validation windows NaN or infinite: its training diverged%s; "
                            + "try another --seed or --algorithm", DurationText.format(horizon), describe(predictor), bad,
                    validationScores.length, predictor.algorithm() == Algorithm.GRADIENT_BOOSTING
                            ? " (Smile's boosting step divides by a near-zero curvature when a leaf holds only badly "
                            + "misclassified windows)" : ""));
        }
    }

    private static boolean bothClasses(List<Example> examples) {
        return examples.stream().anyMatch(Example::failed) && examples.stream().anyMatch(e -> !e.failed());
    }

    /**
     * The test figures of a fitted, calibrated model.
     *
     * @param scale the Platt scale whose probabilities are judged next to the raw scores (null: none); the model's
     *              own scores, scaled or not, are what the threshold applies to
     */
    static HorizonResult measure(RecordedFleet fleet, TestScope scope, Duration horizon, SplitSummary split, HorizonLabels labels,
                                 FailurePredictor model, Calibration calibration, ProbabilityScale scale, List<Example> test,
                                 List<Double> fixedPrecisions, Duration minLead) {
        double[] scores = model.probabilities(test);
        IdealScores ideal = IdealScores.read(fleet.directory());
        ProbabilityQuality probabilities = ProbabilityQuality.measure(test,
                model.scale().isPresent() ? model.rawScores(test) : scores, scale);
        EvaluationReport report = Evaluation.evaluate(test, scores, calibration.threshold());
        List<RecallAtPrecision> atPrecision = HeldOutMetrics.recallAtPrecision(test, scores, fixedPrecisions);
        return new HorizonResult(DurationText.format(horizon), horizon.toMillis(), split, labels.censored(), labels.excluded(),
                model.summary(), calibration, report, report.baseRate(), report.prAuc() / report.baseRate(), atPrecision,
                HeldOutMetrics.nodeLevel(test, scores, calibration.threshold()),
                HeldOutMetrics.leadTimes(test, scores, calibration.threshold(), report, fleet.tick()),
                FailureCategories.measure(fleet, scope, horizon, minLead, test, scores, calibration.threshold(), atPrecision,
                        fleet.facts().silentAfter().isPresent()
                                // a node silent since its last event has zeros in every window: what would it score?
                                ? OptionalDouble.of(model.probability(new double[model.schema().size()])) : OptionalDouble.empty()),
                eventLevel(fleet, scope, horizon, minLead, test, scores, calibration.threshold(), ideal), probabilities,
                CounterRules.measure(model.schema(), fleet, scope, horizon, minLead, test, testFailures(fleet, scope, horizon, ideal)));
    }

    /** The operating point of the project's targets: precision per alarm episode, false alarms per node-day. */
    static final double TARGET_EPISODE_PRECISION = 0.9;
    static final double TARGET_FALSE_ALARMS_PER_NODE_DAY = 0.05;
    private static final int CURVE_POINTS = 300;

    static EventLevel eventLevel(RecordedFleet fleet, TestScope scope, Duration horizon, Duration minLead, List<Example> test,
                                 double[] scores, double threshold, IdealScores ideal) {
        List<FailureDetection.ScoredWindow> windows = new ArrayList<>(test.size());
        List<FailureDetection.ScoredWindow> idealWindows = new ArrayList<>(test.size());
        double[] idealScores = new double[test.size()];
        boolean[] positive = new boolean[test.size()];
        double[] weights = new double[test.size()];
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            windows.add(new FailureDetection.ScoredWindow(e.nodeId(), e.timeMillis(), scores[i]));
            idealScores[i] = ideal.at(e.nodeId(), e.timeMillis());
            idealWindows.add(new FailureDetection.ScoredWindow(e.nodeId(), e.timeMillis(), idealScores[i]));
            positive[i] = e.failed();
            weights[i] = e.weight();
        }
        List<FailureDetection.Failure> failures = testFailures(fleet, scope, horizon, ideal);
        double nodeDays = FailureDetection.nodeDays(windows);
        FailureDetection learned = FailureDetection.of(windows, failures, horizon.toMillis(), minLead.toMillis(), nodeDays);
        FailureDetection.Point idealBest = null;
        double idealPrAuc = Double.NaN;
        if (!ideal.isEmpty()) {
            idealPrAuc = OperatingCurve.of(idealScores, positive, weights).averagePrecision();
            idealBest = FailureDetection.of(idealWindows, failures, horizon.toMillis(), minLead.toMillis(), nodeDays)
                    .bestRecall(TARGET_EPISODE_PRECISION, TARGET_FALSE_ALARMS_PER_NODE_DAY, CURVE_POINTS).orElse(null);
        }
        return new EventLevel(TARGET_EPISODE_PRECISION, TARGET_FALSE_ALARMS_PER_NODE_DAY, learned.at(threshold),
                learned.bestRecall(TARGET_EPISODE_PRECISION, TARGET_FALSE_ALARMS_PER_NODE_DAY, CURVE_POINTS).orElse(null),
                idealPrAuc, idealBest);
    }

    /** The failures of the test nodes and period, announced or not where the recording has the ideal's scores. */
    static List<FailureDetection.Failure> testFailures(RecordedFleet fleet, TestScope scope, Duration horizon, IdealScores ideal) {
        List<FailureDetection.Failure> failures = new ArrayList<>();
        for (int node = 0; node < fleet.nodes().size(); node++) {
            if (!scope.covers(node)) {
                continue;
            }
            String id = fleet.nodes().get(node);
            for (HealthEvent event : fleet.history(node).events()) {
                if (event.kind() == HealthEvent.Kind.FAILED && event.timeMillis() >= scope.fromMillis()) {
                    failures.add(new FailureDetection.Failure(id, event.timeMillis(), null,
                            ideal.announced(id, event.timeMillis(), horizon.toMillis())));
                }
            }
        }
        return failures;
    }

    /**
     * Windows ending right after a repair still hold pre-failure telemetry: excluded for one longest window,
     * unless the recording says otherwise (a Blue Gene/L card is back in service after a reboot, and what it
     * logged before is a fair clue to its next failure: its import declares a grace of zero).
     */
    static LabelPolicy labelPolicy(FeatureTable table, RecordedFleet fleet, Duration horizon) {
        return new LabelPolicy(horizon, fleet.facts().repairGrace().orElse(table.spec().longestWindow()), Duration.ZERO);
    }

    /**
     * The training slice's examples: with an early margin, the rows of failing nodes just before their horizon are left
     * out (they are neither healthy nor inside H); validation and test keep the plain labels the figures are judged by.
     */
    static List<Example> trainingExamples(int[] rows, HorizonLabels labels, PreparedRecording prepared, Duration earlyMargin) {
        if (earlyMargin.isZero()) {
            return examples(rows, labels, prepared);
        }
        FeatureTable table = prepared.table();
        HorizonLabels training = HorizonLabels.label(table, prepared.fleet(),
                labelPolicy(table, prepared.fleet(), labels.horizon()).withEarlyMargin(earlyMargin));
        return examples(java.util.Arrays.stream(rows).filter(training::usable).toArray(), training, prepared);
    }

    static List<Example> examples(int[] rows, HorizonLabels labels, PreparedRecording prepared) {
        List<Example> list = new ArrayList<>(rows.length);
        for (int row : rows) {
            list.add(labels.example(prepared.table(), prepared.fleet(), row));
        }
        return list;
    }

    static OfflineReport report(Path recording, PreparedRecording prepared, String model, double targetPrecision,
                                List<HorizonResult> results) {
        RecordedFleet fleet = prepared.fleet();
        FeatureTable table = prepared.table();
        return new OfflineReport(recording.toString(), fleet.facts().name(), fleet.facts().policy(), DurationText.format(fleet.tick()),
                table.spec().windows().stream().map(DurationText::format).toList(), List.copyOf(table.readings()),
                prepared.labelEveryTicks(), fleet.telemetryRecords(), fleet.nodes().size(), fleet.failures(), table.size(),
                table.schema().size(), fleet.facts().sampling(), model, targetPrecision, results);
    }
}
