package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.calibration.Calibration;
import dev.foresight.predictor.calibration.ProbabilityScale;
import dev.foresight.predictor.evaluation.FailureDetection;
import dev.foresight.predictor.label.HealthEvent;
import dev.foresight.predictor.calibration.ThresholdCalibrator;
import dev.foresight.predictor.calibration.TimeOrderedSplit;
import dev.foresight.predictor.evaluation.Evaluation;
import dev.foresight.predictor.evaluation.EvaluationReport;
import dev.foresight.predictor.release.ModelCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.predictor.label.Labeller;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code foresight train}: fits one model on a recording for one horizon and writes it to a file. The
 * newest windows (by time, with the horizon as embargo, as the streaming trainer does) calibrate the
 * threshold; everything before trains. There is no test slice: judge the model with
 * {@code foresight evaluate --model FILE} on another recording (e.g. a held-out slice), or use
 * {@code foresight evaluate} on this one for held-out figures.
 */
public final class OfflineTrainer {

    /** What a training run produced. */
    public record Result(OfflineModel model, EvaluationReport validation, Path file) {
    }

    /** The share of the labelled windows, newest first, that calibrate the threshold. */
    public static final double VALIDATION_FRACTION = 0.3;

    private OfflineTrainer() {
    }

    /**
     * @param options one horizon (the first is used; none: the recording's default)
     */
    public static Result train(Path recording, OfflineOptions options, Path modelFile, Consumer<String> progress) {
        RecordedFleet fleet = RecordedFleet.open(recording);
        PreparedRecording prepared = PreparedRecording.prepare(fleet, options, progress);
        Duration horizon = options.horizonsFor(fleet.tick()).get(0);
        FeatureTable table = prepared.table();
        HorizonLabels labels = HorizonLabels.label(table, fleet, OfflineEvaluation.labelPolicy(table, fleet, horizon));
        List<Example> usable = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            if (labels.usable(row)) {
                usable.add(labels.example(table, fleet, row));
            }
        }
        TimeOrderedSplit.Split plain = new TimeOrderedSplit(VALIDATION_FRACTION, horizon).split(usable);
        TimeOrderedSplit.Split split = withEarlyMargin(plain, fleet, OfflineEvaluation.labelPolicy(table, fleet, horizon)
                .withEarlyMargin(options.earlyMargin()));
        requireFailures(split.train(), "training", horizon);
        requireFailures(split.validation(), "validation", horizon);
        FailurePredictor fitted = FailurePredictor.fit(table.schema(), split.train(), options.predictor());
        OfflineEvaluation.requireFiniteScores(fitted.rawScores(split.validation()), options.predictor(), horizon);
        FailurePredictor model = fitted.withScale(ProbabilityScale.fit(fitted, split.validation()));
        Calibration calibration = episodeThreshold(fleet, model, split.validation(), horizon, options)
                .orElseGet(() -> new ThresholdCalibrator(options.targetPrecision(), 1.0).calibrate(model, split.validation()));
        EvaluationReport validation = Evaluation.evaluate(model, split.validation(), calibration.threshold());
        SplitSummary summary = new SplitSummary("TIME", "newest " + Math.round(VALIDATION_FRACTION * 100)
                + " % of labelled windows calibrate the threshold; no test slice (use 'foresight evaluate')",
                List.of(Instant.ofEpochMilli(split.cutMillis()).toString()), DurationText.format(horizon),
                summarise(split.train()), summarise(split.validation()), new SliceSummary(0, 0, 0, 0, null, null));
        progress.accept(String.format(Locale.ROOT, "H=%s: trained on %d windows (%d failures), calibrated on %d (%d failures)",
                DurationText.format(horizon), split.train().size(), summary.train().failures(), split.validation().size(),
                summary.validation().failures()));
        OfflineModel file = new OfflineModel(OfflineModelFile.FORMAT, fleet.facts().name(), fleet.facts().policy(),
                model.algorithm().name(), options.predictor().seed(), DurationText.format(horizon), horizon.toMillis(),
                table.spec().windows().stream().map(Duration::toSeconds).toList(), List.copyOf(table.readings()), table.spec().nodeLife(),
                table.schema().names(), prepared.labelEveryTicks(), calibration.threshold(), calibration, validation.headline(),
                summary, ModelCodec.ENCODING, OfflineModelFile.encode(model));
        OfflineModelFile.write(file, modelFile);
        return new Result(file, validation, modelFile);
    }

    /**
     * The split with the early margin applied to its training part only: a healthy window of a node that fails within
     * the margin after its horizon leaves training; the validation part keeps the plain labels the threshold is judged by.
     */
    static TimeOrderedSplit.Split withEarlyMargin(TimeOrderedSplit.Split split, RecordedFleet fleet, LabelPolicy training) {
        if (training.earlyMargin().isZero()) {
            return split;
        }
        Labeller labeller = new Labeller(training);
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int node = 0; node < fleet.nodes().size(); node++) {
            nodeIndex.put(fleet.nodes().get(node), node);
        }
        List<Example> kept = split.train().stream()
                .filter(e -> labeller.label(e.timeMillis(), fleet.history(nodeIndex.get(e.nodeId())), fleet.observedUntilMillis())
                        .usable())
                .toList();
        return new TimeOrderedSplit.Split(kept, split.validation(), split.cutMillis());
    }

    /**
     * The threshold an operator would pick on the validation period: the most failures caught (an alarm at least
     * {@code minLead} before) with alarm episodes at the target precision and at most
     * {@value OfflineEvaluation#TARGET_FALSE_ALARMS_PER_NODE_DAY} false alarms per node-day; empty when no threshold
     * does. The validation slice is the newest period of every node, so its windows are contiguous per node.
     */
    static java.util.Optional<Calibration> episodeThreshold(RecordedFleet fleet, FailurePredictor model, List<Example> validation,
                                                           Duration horizon, OfflineOptions options) {
        double[] scores = model.probabilities(validation);
        List<FailureDetection.ScoredWindow> windows = new ArrayList<>(validation.size());
        long from = Long.MAX_VALUE;
        for (int i = 0; i < scores.length; i++) {
            windows.add(new FailureDetection.ScoredWindow(validation.get(i).nodeId(), validation.get(i).timeMillis(), scores[i]));
            from = Math.min(from, validation.get(i).timeMillis());
        }
        List<FailureDetection.Failure> failures = new ArrayList<>();
        for (int node = 0; node < fleet.nodes().size(); node++) {
            for (HealthEvent e : fleet.history(node).events()) {
                if (e.kind() == HealthEvent.Kind.FAILED && e.timeMillis() > from) {
                    failures.add(new FailureDetection.Failure(fleet.nodes().get(node), e.timeMillis(), null, null));
                }
            }
        }
        FailureDetection detection = FailureDetection.of(windows, failures, horizon.toMillis(), options.minLead().toMillis(),
                FailureDetection.nodeDays(windows));
        return detection.bestRecall(options.targetPrecision(), OfflineEvaluation.TARGET_FALSE_ALARMS_PER_NODE_DAY, 300)
                .map(p -> new Calibration(p.threshold(), Calibration.Strategy.EPISODES, p.precision(), p.recall(),
                        Double.NaN, options.targetPrecision(), 1.0));
    }

    private static void requireFailures(List<Example> slice, String name, Duration horizon) {
        if (slice.stream().noneMatch(Example::failed)) {
            throw new IllegalArgumentException("horizon " + DurationText.format(horizon) + ": the " + name
                    + " slice has no failure; the recording is too short or has too few failures to train on");
        }
    }

    static SliceSummary summarise(List<Example> slice) {
        Set<String> failures = new HashSet<>();
        Set<String> nodes = new HashSet<>();
        int positives = 0;
        for (Example e : slice) {
            nodes.add(e.nodeId());
            if (e.failed()) {
                positives++;
                failures.add(e.nodeId() + "@" + e.failureTimeMillis());
            }
        }
        return new SliceSummary(slice.size(), positives, failures.size(), nodes.size(),
                slice.isEmpty() ? null : Instant.ofEpochMilli(slice.get(0).timeMillis()).toString(),
                slice.isEmpty() ? null : Instant.ofEpochMilli(slice.get(slice.size() - 1).timeMillis()).toString());
    }
}
