package dev.foresight.producers.dataset;

import dev.foresight.producers.recording.RunManifest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What offline training needs to know about any recording, simulated or imported, read from its
 * manifest: the tick length (a simulated run's scenario and an import's facts both carry
 * {@code tickSeconds}), until when failures are known, and the sampling weights of an import.
 *
 * @param name          the scenario or dataset name
 * @param policy        who made it: a policy label for runs, {@code import:<dataset>} for imports
 * @param tickSeconds   seconds per tick, when the manifest says
 * @param observedUntil the time up to which failures are known, when the manifest says (imports);
 *                      otherwise the last record of the recording bounds it
 * @param sampling      weights that undo the dataset's sampling (none for simulated runs)
 */
public record RecordingFacts(String name, String policy, OptionalLong tickSeconds, Optional<Instant> observedUntil,
                             SamplingWeights sampling) {

    /** Reads the facts of a recording directory; the error names the manifest and the bad key. */
    public static RecordingFacts read(Path recording) {
        Map<String, Object> manifest = RunManifest.read(recording);
        Map<?, ?> scenario = manifest.get("scenario") instanceof Map<?, ?> m ? m : Map.of();
        String where = recording.resolve(RunManifest.FILE_NAME).toString();
        OptionalLong tick = OptionalLong.empty();
        if (scenario.get("tickSeconds") instanceof Number n) {
            if (n.longValue() <= 0) {
                throw new IllegalArgumentException(where + ": scenario.tickSeconds must be positive, got " + n);
            }
            tick = OptionalLong.of(n.longValue());
        }
        Optional<Instant> until = Optional.empty();
        if (scenario.get("observedUntil") instanceof String text) {
            try {
                until = Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": scenario.observedUntil is not an ISO instant: " + text, e);
            }
        }
        SamplingWeights weights = SamplingWeights.none();
        if (scenario.get("sampling") instanceof Map<?, ?> sampling) {
            weights = new SamplingWeights(number(sampling, "healthyNodeWeight", where), number(sampling, "failedNodeWeight", where));
        }
        String name = scenario.get("name") instanceof String s ? s : recording.getFileName().toString();
        String policy = manifest.get("policy") instanceof String p ? p : "unknown";
        return new RecordingFacts(name, policy, tick, until, weights);
    }

    private static double number(Map<?, ?> map, String key, String where) {
        if (map.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where + ": scenario.sampling." + key + " must be a number, got " + map.get(key));
    }
}
