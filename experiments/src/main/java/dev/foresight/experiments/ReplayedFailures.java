package dev.foresight.experiments;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.FailureTrace;
import dev.foresight.cluster.Scenario;
import dev.foresight.producers.dataset.lanl.FailureTraceFile;
import dev.foresight.producers.recording.RunRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Real failures to replay in place of the scenario's drawn ones: a trace file from
 * {@code foresight dataset import lanl} or {@code bluegene}, with the checksum that makes it part of a run's identity (a
 * recording is a pure function of scenario, seed and, when given, this trace).
 *
 * @param file   where the trace was read from, as given
 * @param sha256 the file's checksum
 * @param from   the instant of the trace that is the scenario's start; null: the trace's own time zero
 *               (its system's first outage)
 * @param trace  its node failures, time zero at the scenario start
 */
public record ReplayedFailures(Path file, String sha256, Instant from, FailureTrace trace) {

    public ReplayedFailures {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(trace, "trace");
    }

    /**
     * Reads a trace file; a malformed one fails with file, line and column.
     *
     * @param from the trace's instant to start at; null for its first outage
     */
    public static ReplayedFailures load(Path file, Instant from) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("failure trace " + file + " does not exist or is not a file"
                    + " (traces come from `foresight dataset import lanl`: system-<id>.csv, or `foresight dataset import bluegene`:"
                    + " failure-trace.csv)");
        }
        FailureTrace trace = from == null ? FailureTraceFile.load(file) : FailureTraceFile.load(file, from);
        return new ReplayedFailures(file, RunRecorder.sha256(file), from, trace);
    }

    /** What identifies the replayed failures: the file's checksum, and where in it the run starts. */
    String identity() {
        return "trace-" + sha256 + (from == null ? "" : "@" + from);
    }

    /** The manifest's note of the replayed failures: nothing that depends on where the file lay. */
    Map<String, String> manifestEntry() {
        Map<String, String> entry = new TreeMap<>();
        entry.put("file", file.getFileName().toString());
        entry.put("sha256", sha256);
        if (from != null) {
            entry.put("from", from.toString());
        }
        return entry;
    }

    /** The simulation of a scenario with these failures. */
    ClusterSimulation simulate(Scenario scenario, long seed) {
        return ClusterSimulation.create(scenario, seed, trace);
    }

    /** How much of the trace a scenario replays: the rest names nodes it lacks or falls after its end. */
    public Coverage coverage(Scenario scenario) {
        double endSeconds = scenario.durationHours() * 3600;
        int outsideCluster = 0;
        int afterEnd = 0;
        int highestNode = -1;
        for (FailureTrace.Entry entry : trace.entries()) {
            highestNode = Math.max(highestNode, entry.nodeIndex());
            if (entry.nodeIndex() >= scenario.nodes()) {
                outsideCluster++;
            } else if (entry.failAtSeconds() >= endSeconds) {
                afterEnd++;
            }
        }
        int total = trace.entries().size();
        return new Coverage(total, total - outsideCluster - afterEnd, outsideCluster, afterEnd, highestNode);
    }

    /**
     * @param failures       node failures in the trace
     * @param replayed       those on a node the scenario has, before its end
     * @param outsideCluster those on a node index at or above the scenario's node count
     * @param afterEnd       those on a scenario node, at or after the scenario's end
     * @param highestNode    the highest node index the trace names (-1: none)
     */
    public record Coverage(int failures, int replayed, int outsideCluster, int afterEnd, int highestNode) {

        /** One line for the console. */
        public String describe(Scenario scenario) {
            String line = String.format("%,d of the trace's %,d node failures fall on the scenario's %,d nodes within its %.0f hours",
                    replayed, failures, scenario.nodes(), scenario.durationHours());
            if (outsideCluster > 0) {
                line += String.format("; %,d name nodes up to %d, beyond the cluster", outsideCluster, highestNode);
            }
            if (afterEnd > 0) {
                line += String.format("; %,d come after the end", afterEnd);
            }
            return line;
        }
    }
}
