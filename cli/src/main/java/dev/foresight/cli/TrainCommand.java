package dev.foresight.cli;

import dev.foresight.experiments.offline.DurationText;
import dev.foresight.experiments.offline.OfflineModel;
import dev.foresight.experiments.offline.OfflineTrainer;
import dev.foresight.predictor.evaluation.EvaluationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foresight train}: fit one model on a recording and write it to a file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a failure predictor offline on a recording and write it to a model file.",
            "One horizon: the oldest windows train, the newest 30 %% (after an embargo of one horizon) calibrate the",
            "alarm threshold. 'foresight evaluate OTHER_RECORDING --model FILE' scores another recording with it."})
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RECORDING", description = "A recording directory.")
    Path recording;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL_FILE", description = "The model file to write (JSON).")
    Path out;

    @Mixin
    EvaluateCommand.LearningOptions learning = new EvaluateCommand.LearningOptions();

    @Override
    public Integer call() {
        EvaluateCommand.requireRecording(recording);
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("-o " + out + " is a directory; give a file name for the model");
        }
        var options = learning.options();
        if (options.horizons().size() > 1) {
            throw new IllegalArgumentException("train fits one model: give one horizon, not " + options.horizons().size());
        }
        OfflineTrainer.Result result = OfflineTrainer.train(recording, options, out, EvaluateCommand::progress);
        OfflineModel m = result.model();
        EvaluationReport v = result.validation();
        System.out.printf(Locale.ROOT, "model %s, H=%s, %d features (windows %s, metrics %s)%n", m.algorithm(), m.horizon(),
                m.featureNames().size(), m.windowSeconds().stream().map(s -> DurationText.format(Duration.ofSeconds(s))).toList(),
                m.metrics());
        System.out.printf(Locale.ROOT, "threshold %.4f (%s, target precision %.2f)%n", m.threshold(), m.calibration().strategy(),
                m.calibration().targetPrecision());
        System.out.printf(Locale.ROOT, "validation (used to pick the threshold, not held out): base rate %.5f, PR-AUC %.4f, "
                + "precision %.3f, recall %.3f%n", v.baseRate(), v.prAuc(), v.precision(), v.recall());
        System.out.println("written " + out.toAbsolutePath());
        return 0;
    }
}
