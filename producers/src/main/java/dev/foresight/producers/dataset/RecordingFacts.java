package dev.foresight.producers.dataset;

import dev.foresight.producers.recording.RunManifest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 * @param repairGrace   how long after a repair windows stay unlabelled, when the dataset says
 *                      ({@code repairGraceSeconds}; otherwise the evaluation's default, one longest window)
 * @param silentAfter   when the dataset leaves a node without telemetry this long after its last non-zero
 *                      reading ({@code silentAfterSeconds}), no feature window may be longer
 * @param nodeGroups    a pattern whose first group is the group of a node id ({@code nodeGroupPattern}):
 *                      nodes that fail together (a Blue Gene/L midplane) stay on one side of a split
 */
public record RecordingFacts(String name, String policy, OptionalLong tickSeconds, Optional<Instant> observedUntil,
                             SamplingWeights sampling, Optional<Duration> repairGrace, Optional<Duration> silentAfter,
                             Optional<Pattern> nodeGroups) {

    /** The group a node belongs to in splits: by {@code nodeGroups}, else the node itself. */
    public String nodeGroup(String node) {
        if (nodeGroups.isPresent()) {
            Matcher m = nodeGroups.get().matcher(node);
            if (m.find() && m.groupCount() >= 1) {
                return m.group(1);
            }
        }
        return node;
    }

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
        Optional<Pattern> groups = Optional.empty();
        if (scenario.get("nodeGroupPattern") instanceof String regex) {
            try {
                groups = Optional.of(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": scenario.nodeGroupPattern is not a regular expression: " + regex, e);
            }
        }
        return new RecordingFacts(name, policy, tick, until, weights, seconds(scenario, "repairGraceSeconds", where),
                seconds(scenario, "silentAfterSeconds", where), groups);
    }

    private static Optional<Duration> seconds(Map<?, ?> scenario, String key, String where) {
        Object value = scenario.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n && n.longValue() >= 0) {
            return Optional.of(Duration.ofSeconds(n.longValue()));
        }
        throw new IllegalArgumentException(where + ": scenario." + key + " must be a number of seconds >= 0, got " + value);
    }

    private static double number(Map<?, ?> map, String key, String where) {
        if (map.get(key) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(where + ": scenario.sampling." + key + " must be a number, got " + map.get(key));
    }
}
