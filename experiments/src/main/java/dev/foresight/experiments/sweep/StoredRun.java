package dev.foresight.experiments.sweep;

import dev.foresight.cluster.AccountingSummary;
import dev.foresight.experiments.RunResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sweep keeps of one run: its identity, its accounting and predictor figures, and the recording's
 * checksums (equal checksums, identical runs). Small enough to keep thousands; the recording itself is
 * tens of megabytes and goes unless the sweep is asked to keep it.
 *
 * @param predictor   precision, recall, ... of the predictions the run acted on; empty without predictions
 * @param wallSeconds how long the run took: for the user, never part of the summary (it differs run to run)
 */
public record StoredRun(int format, RunIdentity identity, AccountingSummary accounting, Map<String, Double> predictor,
                        Map<String, String> checksums, Map<String, Long> recordCounts, double wallSeconds) {

    /** Raised when the stored form changes, so that older files are run again rather than misread. */
    public static final int FORMAT = 2;

    public StoredRun {
        predictor = new TreeMap<>(predictor);
        checksums = new TreeMap<>(checksums);
        recordCounts = new TreeMap<>(recordCounts);
    }

    static StoredRun of(RunIdentity identity, RunResult result) {
        return new StoredRun(FORMAT, identity, result.summary(), result.predictorQuality(), result.checksums(),
                result.recordCounts(), result.wallSeconds());
    }
}
