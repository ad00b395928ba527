package dev.foresight.cli;

import dev.foresight.experiments.offline.DurationText;
import dev.foresight.experiments.offline.HorizonLength;
import dev.foresight.experiments.offline.ModelEvaluation;
import dev.foresight.experiments.offline.OfflineEvaluation;
import dev.foresight.experiments.offline.OfflineOptions;
import dev.foresight.experiments.offline.OfflineReport;
import dev.foresight.experiments.offline.OfflineReportTable;
import dev.foresight.experiments.offline.SplitChoice;
import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.PredictorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code foresight evaluate}: offline training and held-out evaluation on a recording. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Train and evaluate failure prediction offline on a recording, with held-out figures.",
            "Any recording (simulated run or imported dataset): features over trailing windows, labels per horizon,",
            "a split by time (and by node where the fleet allows; never random), a threshold calibrated on",
            "validation, figures on the held-out test slice next to a constant baseline. With --model, score the",
            "whole recording with a model from 'foresight train'."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECORDING", description = "A recording directory (manifest.json, telemetry.avro, node-events.avro).")
    Path recording;

    @Mixin
    LearningOptions learning = new LearningOptions();

    @Option(names = "--split", defaultValue = "AUTO", paramLabel = "KIND",
            description = "auto, time or time_and_node (default: ${DEFAULT-VALUE}: time-and-node when every slice gets enough failures).")
    SplitChoice split;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full report as JSON ('-' for standard output).")
    String json;

    @Option(names = "--recall-at", split = ",", defaultValue = "0.95,0.8", paramLabel = "P",
            description = "Precisions at which the test recall is also reported (default: ${DEFAULT-VALUE}).")
    List<Double> recallAt;

    @Option(names = "--min-lead", defaultValue = "10m", paramLabel = "DURATION",
            description = "For recordings whose failures carry a category (Blue Gene/L): a failure counts as detected in the "
                    + "per-category table only if an alarm came at least this long before it (default: ${DEFAULT-VALUE}).")
    String minLead;

    @Option(names = "--model", paramLabel = "MODEL_FILE",
            description = "Evaluate this trained model on every labelled window of the recording instead of training one.")
    Path model;

    @Override
    public Integer call() {
        requireRecording(recording);
        OfflineReport report;
        Duration lead = DurationText.parseNonNegative(minLead);
        if (model != null) {
            report = ModelEvaluation.run(recording, model, OfflineOptions.defaults().withFixedPrecisions(recallAt).fixedPrecisions(),
                    lead, EvaluateCommand::progress);
        } else {
            report = OfflineEvaluation.run(recording, learning.options().withSplit(split).withFixedPrecisions(recallAt).withMinLead(lead),
                    EvaluateCommand::progress);
        }
        if ("-".equals(json)) {
            System.out.println(report.toJson());
        } else {
            System.out.print(OfflineReportTable.render(report));
            if (json != null) {
                report.writeJson(Path.of(json));
                System.out.println("JSON: " + Path.of(json).toAbsolutePath());
            }
        }
        return 0;
    }

    static void progress(String line) {
        System.err.println(line);
    }

    static void requireRecording(Path recording) {
        if (!Files.exists(recording)) {
            throw new IllegalArgumentException(recording + ": no such recording directory");
        }
        if (!Files.isDirectory(recording)) {
            throw new IllegalArgumentException(recording + " is a file; give a recording directory (from 'foresight experiment' "
                    + "or 'foresight dataset import backblaze')");
        }
    }

    /** Horizons in days or in ticks, not both. */
    static final class Horizons {
        @Option(names = "--horizon-days", split = ",", paramLabel = "D", required = true,
                description = "Horizons H in days, e.g. 1,7,14 (default for daily data: 1,7,14).")
        List<Long> days;

        @Option(names = "--horizon-ticks", split = ",", paramLabel = "N", required = true,
                description = "Horizons H in ticks (default for sub-daily data: 60).")
        List<Long> ticks;

        List<HorizonLength> lengths() {
            List<HorizonLength> all = new ArrayList<>();
            if (days != null) {
                days.forEach(d -> all.add(HorizonLength.days(d)));
            }
            if (ticks != null) {
                ticks.forEach(t -> all.add(HorizonLength.ticks(t)));
            }
            return all;
        }
    }

    /** How the rare failure class weighs in training ({@link PredictorOptions.Imbalance}). */
    enum ClassWeight {
        /** Failures weigh as much as healthy windows, up to {@code --max-class-weight} times each. */
        BALANCED,
        /**
         * Every window weighs the same: the recording's own class mix (a thinned dataset's, not the fleet's: a fit
         * ignores sampling weights).
         */
        NONE
    }

    /** What train and evaluate share: horizons, features, model. */
    static final class LearningOptions {
        static final String MAX_CLASS_WEIGHT = "--max-class-weight";

        @Spec(Spec.Target.MIXEE)
        CommandSpec mixee;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Horizons horizons;

        @Option(names = "--windows", paramLabel = "LIST",
                description = "Trailing feature windows, e.g. 3d,7d,14d or 10m,30m,2h (default: 3d,7d,14d for daily data, "
                        + "10, 30 and 120 ticks otherwise).")
        String windows;

        @Option(names = "--metrics", split = ",", paramLabel = "NAME", description = "Metrics to use (default: all of the recording's).")
        List<String> metrics;

        @Option(names = "--label-every", defaultValue = "0", paramLabel = "TICKS",
                description = "Only windows ending on ticks divisible by this become examples (default: 1 for ticks of an hour "
                        + "or more, else 5).")
        int labelEvery;

        @Option(names = "--algorithm", defaultValue = "RANDOM_FOREST",
                description = "random_forest, gradient_boosting or logistic_regression (default: ${DEFAULT-VALUE}).")
        Algorithm algorithm;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the fit (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--class-weight", defaultValue = "BALANCED", paramLabel = "KIND",
                description = "balanced (each failure weighs healthy windows / failures, capped by " + MAX_CLASS_WEIGHT
                        + ") or none (every window weighs the same, at the recording's class mix) (default: ${DEFAULT-VALUE}).")
        ClassWeight classWeight;

        int maxClassWeight;

        @Option(names = MAX_CLASS_WEIGHT, paramLabel = "N", defaultValue = "" + PredictorOptions.Imbalance.DEFAULT_MAX_CLASS_WEIGHT,
                description = "With --class-weight balanced: the most a failure weighs against a healthy window, at least 1 "
                        + "(default: ${DEFAULT-VALUE}).")
        void setMaxClassWeight(int value) {
            if (value < 1) {
                throw new ParameterException(mixee.commandLine(), MAX_CLASS_WEIGHT + " must be at least 1, got " + value);
            }
            maxClassWeight = value;
        }

        @Option(names = "--target-precision", defaultValue = "0.8",
                description = "Precision the threshold is calibrated for on the validation slice (default: ${DEFAULT-VALUE}).")
        double targetPrecision;

        @Option(names = "--early-margin", defaultValue = "0", paramLabel = "DURATION",
                description = "Leave out of training (not label healthy) the windows of a node that fails within this long "
                        + "after their horizon, e.g. 1d: a slow precursor already shows there. Validation and test keep the "
                        + "plain labels (default: 0, none, as the streaming trainer and experiments' history models).")
        String earlyMargin;

        OfflineOptions options() {
            OfflineOptions o = OfflineOptions.defaults();
            if (horizons != null) {
                o = o.withHorizons(horizons.lengths());
            }
            if (windows != null) {
                o = o.withWindows(DurationText.parseList(windows));
            }
            if (metrics != null) {
                o = o.withMetrics(new TreeSet<>(metrics));
            }
            return o.withLabelEveryTicks(labelEvery).withTargetPrecision(targetPrecision)
                    .withEarlyMargin(DurationText.parseNonNegative(earlyMargin))
                    .withPredictor(o.predictor().withAlgorithm(algorithm).withSeed(seed).withImbalance(imbalance()));
        }

        PredictorOptions.Imbalance imbalance() {
            return switch (classWeight) {
                case BALANCED -> new PredictorOptions.Imbalance(true, maxClassWeight,
                        PredictorOptions.Imbalance.defaults().maxNegativesPerPositive());
                case NONE -> PredictorOptions.Imbalance.none();
            };
        }
    }
}
