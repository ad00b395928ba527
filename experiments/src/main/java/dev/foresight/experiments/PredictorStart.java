package dev.foresight.experiments;

import dev.foresight.schemas.ModelRelease;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the learned predictor of an experiment starts from: nothing (it learns online only), a model trained on N days
 * of the cluster's history ({@link HistoryModels}), or a given model file's.
 *
 * @param historyDays  above 0: history of this many days
 * @param historyCache where history recordings and models are kept
 * @param initialModel non-null: this model, version 0
 * @param modelFile    the file the initial model came from (for the run's identity), or null
 */
public record PredictorStart(int historyDays, Path historyCache, ModelRelease initialModel, Path modelFile) {

    public PredictorStart {
        Objects.requireNonNull(historyCache, "historyCache");
        if (historyDays < 0) {
            throw new IllegalArgumentException("history days must be >= 0, got " + historyDays);
        }
        if (historyDays > 0 && initialModel != null) {
            throw new IllegalArgumentException("give history days or an initial model, not both");
        }
    }

    public static PredictorStart none() {
        return new PredictorStart(0, ExperimentOptions.DEFAULT_HISTORY_CACHE, null, null);
    }

    public static PredictorStart history(int days, Path cache) {
        return new PredictorStart(days, cache, null, null);
    }

    public static PredictorStart model(ModelRelease model, Path file) {
        return new PredictorStart(0, ExperimentOptions.DEFAULT_HISTORY_CACHE, model, file);
    }

    /** The options with this start. */
    public ExperimentOptions applyTo(ExperimentOptions options) {
        return options.withHistoryDays(historyDays).withHistoryCache(historyCache).withInitialModel(initialModel);
    }

    /** In words, for a run's identity and its manifest: what its results depend on. */
    public String describe() {
        if (initialModel != null) {
            return "model " + (modelFile != null ? modelFile.getFileName() : "given") + " ("
                    + initialModel.getProvenance().getOrDefault("trainedOn", "?") + ", " + initialModel.getAlgorithm() + ", threshold "
                    + initialModel.getThreshold() + ")";
        }
        return historyDays > 0 ? "history of " + historyDays + " days" : "no model";
    }
}
