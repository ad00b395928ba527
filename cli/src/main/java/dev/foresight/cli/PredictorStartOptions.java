package dev.foresight.cli;

import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.PredictorStart;
import dev.foresight.experiments.offline.OfflineModelFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What the learned predictor of an experiment starts from: history, a model file, or nothing. */
final class PredictorStartOptions {

    @Option(names = "--history-days", paramLabel = "N",
            description = "Start the learned predictor from a model trained on N days of the same cluster's history, simulated "
                    + "under an independent seed (cached under --history-cache). 0: start without a model.")
    Integer historyDays;

    @Option(names = "--history-cache", paramLabel = "DIR", defaultValue = "runs/history",
            description = "Where history recordings and models are kept between runs (default: ${DEFAULT-VALUE}).")
    Path historyCache;

    @Option(names = "--initial-model", paramLabel = "FILE",
            description = "Start the learned predictor from this model file (from 'foresight train'), as version 0.")
    Path initialModel;

    /**
     * @param defaultHistoryDays history days when neither option is given
     * @throws IllegalArgumentException for both options at once, negative days, or a model file that cannot be used
     */
    PredictorStart resolve(Scenario scenario, int defaultHistoryDays) {
        if (initialModel != null && historyDays != null && historyDays > 0) {
            throw new IllegalArgumentException("--history-days and --initial-model both say where the predictor starts: give one");
        }
        if (initialModel != null) {
            return PredictorStart.model(OfflineModelFile.release(OfflineModelFile.read(initialModel), initialModel,
                    scenario.startInstant()), initialModel);
        }
        int days = historyDays != null ? historyDays : defaultHistoryDays;
        if (days < 0) {
            throw new IllegalArgumentException("--history-days must be >= 0, got " + days);
        }
        return days == 0 ? PredictorStart.none() : PredictorStart.history(days, historyCache);
    }

    ExperimentOptions applyTo(ExperimentOptions options, Scenario scenario, int defaultHistoryDays) {
        return resolve(scenario, defaultHistoryDays).applyTo(options);
    }
}
