package dev.foresight.experiments;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.experiments.loop.RunTimeline;
import dev.foresight.experiments.report.ExperimentReport;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.producers.recording.RunRecorder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The end of a policy run on either engine: checksums, predictor quality, manifest, result. */
final class RunOutputs {

    private RunOutputs() {}

    /** The identity a recording's sync markers derive from: same identity, same bytes. */
    static String identity(Scenario scenario, long seed, Policy policy, ReplayedFailures failures) {
        String drawn = scenario.name() + "/" + seed + "/" + policy.name();
        return failures == null ? drawn : drawn + "/" + failures.identity();
    }

    static RunResult finish(Policy policy, boolean consolidation, Scenario scenario, long seed, ClusterSimulation simulation,
                            RunTimeline timeline, Path runDir, Map<String, Long> counts, long horizonTicks,
                            ReplayedFailures failures, ModelRelease initialModel, long startedNanos) {
        String label = policy.label() + (consolidation ? "+consolidation" : "");
        Map<String, String> checksums = new TreeMap<>();
        for (RecordingStream stream : RecordingStream.values()) {
            checksums.put(stream.fileName(), RunRecorder.sha256(runDir.resolve(stream.fileName())));
        }
        PredictionQuality.Measured quality = PredictionQuality.measure(runDir, horizonTicks, scenario);
        Map<String, Double> predictor = new LinkedHashMap<>(quality.figures());
        predictor.putAll(AlarmActionCosts.measure(runDir, horizonTicks, scenario.tickSeconds(), scenario.durationTicks()));
        RunResult result = new RunResult(policy, consolidation, simulation.summary(), timeline.snapshots(), runDir, counts,
                checksums, predictor, quality.prCurve(), quality.judged(), (System.nanoTime() - startedNanos) / 1e9,
                initialModel == null || policy != Policy.PROACTIVE ? Map.of() : new TreeMap<>(initialModel.getProvenance()));
        Map<String, String> trace = failures == null ? null : failures.manifestEntry();
        new RunManifest(RunManifest.FORMAT_VERSION, scenario, seed, label, Versions.all(), counts, checksums,
                ExperimentReport.figures(result), trace, result.initialModel().isEmpty() ? null : result.initialModel()).write(runDir);
        return result;
    }
}
