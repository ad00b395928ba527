package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * {@code foresight evaluate --model FILE}: scores a whole recording with a model trained elsewhere, at the
 * model's own threshold, horizon, windows and metrics. Every labelled window of the recording is held out,
 * so this is the test for a model trained on one slice and judged on another (the Backblaze held-out
 * drives, a later simulated run).
 */
public final class ModelEvaluation {

    private ModelEvaluation() {
    }

    public static OfflineReport run(Path recording, Path modelFile, List<Double> fixedPrecisions, Consumer<String> progress) {
        return run(recording, modelFile, fixedPrecisions, OfflineOptions.defaults().minLead(), progress);
    }

    /**
     * @param minLead a failure counts as detected in the per-category figures only if flagged this long before it
     */
    public static OfflineReport run(Path recording, Path modelFile, List<Double> fixedPrecisions, Duration minLead,
                                    Consumer<String> progress) {
        OfflineModel model = OfflineModelFile.read(modelFile);
        FailurePredictor predictor = OfflineModelFile.predictor(model, modelFile);
        RecordedFleet fleet = RecordedFleet.open(recording);
        TreeSet<String> missing = new TreeSet<>(model.metrics());
        missing.removeAll(fleet.metricCounts().keySet());
        if (missing.size() == model.metrics().size()) {
            throw new IllegalArgumentException(recording + " has none of the model's metrics " + model.metrics());
        }
        if (!missing.isEmpty()) {
            progress.accept("warning: " + recording + " lacks metrics " + missing + "; their features are missing values");
        }
        List<Duration> windows = model.windowSeconds().stream().map(Duration::ofSeconds).toList();
        PreparedRecording prepared = PreparedRecording.prepareDeclared(fleet, windows, new TreeSet<>(model.metrics()),
                Boolean.TRUE.equals(model.nodeLife()), model.labelEveryTicks(), progress);
        if (!prepared.table().schema().names().equals(model.featureNames())) {
            throw new IllegalArgumentException(modelFile + ": the model's columns are not those its windows and metrics give; "
                    + "the file was edited or written by another version");
        }
        Duration horizon = Duration.ofMillis(model.horizonMillis());
        HorizonLabels labels = HorizonLabels.label(prepared.table(), fleet, OfflineEvaluation.labelPolicy(prepared.table(), fleet, horizon));
        int[] rows = IntStream.range(0, prepared.table().size()).filter(labels::usable).toArray();
        List<Example> test = OfflineEvaluation.examples(rows, labels, prepared);
        if (test.stream().noneMatch(Example::failed)) {
            throw new IllegalArgumentException(recording + " has no failure within H=" + model.horizon()
                    + " of a labelled window: nothing to detect");
        }
        SliceSummary all = OfflineTrainer.summarise(test);
        SplitSummary split = new SplitSummary("HELD_OUT_RECORDING", "model trained on " + model.trainedOn()
                + "; every labelled window of this recording is held out", List.of(), "none",
                new SliceSummary(0, 0, 0, 0, null, null), new SliceSummary(0, 0, 0, 0, null, null), all);
        progress.accept(String.format(Locale.ROOT, "H=%s: scoring %d windows (%d failures) at threshold %.4f",
                model.horizon(), all.examples(), all.failures(), model.threshold()));
        // the whole recording is the test: its failures count from its first tick on
        TestScope scope = TestScope.allNodes(fleet.nodes().size(), fleet.firstTelemetryMillis() - fleet.tick().toMillis());
        HorizonResult result = OfflineEvaluation.measure(fleet, scope, horizon, split, labels, predictor, model.calibration(),
                predictor.scale().orElse(null), test, fixedPrecisions, minLead);
        return OfflineEvaluation.report(recording, prepared, "model file " + modelFile + " (" + model.algorithm() + ")",
                model.calibration().targetPrecision(), List.of(result));
    }
}
