package dev.foresight.experiments;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.AccountingSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one policy run produced.
 *
 * @param timeline accounting at every tick (cumulative counters), for the report's timeline
 * @param recordCounts records written per recording file
 * @param checksums SHA-256 per recording file: equal checksums mean identical runs
 * @param predictorQuality precision, recall, ... of the predictions the run acted on (empty without predictions)
 * @param prCurve (recall, precision) points over node-ticks by falling threshold (empty without predictions)
 * @param judgedFailures the run's failures from the first tick a model was in effect, each with the lead the run's
 *     alarms gave it (empty without predictions)
 * @param initialModel provenance of the model the learned predictor started from (empty: none)
 */
public record RunResult(
        Policy policy,
        boolean consolidation,
        AccountingSummary summary,
        List<AccountingSnapshot> timeline,
        Path recording,
        Map<String, Long> recordCounts,
        Map<String, String> checksums,
        Map<String, Double> predictorQuality,
        List<double[]> prCurve,
        List<JudgedFailure> judgedFailures,
        double wallSeconds,
        Map<String, String> initialModel) {

    public RunResult {
        initialModel = initialModel == null ? Map.of() : Map.copyOf(initialModel);
        judgedFailures = judgedFailures == null ? List.of() : List.copyOf(judgedFailures);
    }

    public String label() {
        return policy.label() + (consolidation ? "+consolidation" : "");
    }
}
