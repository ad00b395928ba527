package dev.foresight.cli;

import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.ReplayedFailures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --failure-trace} for commands that run the cluster model: real failures instead of drawn ones. */
final class FailureTraceOptions {

    @Option(names = "--failure-trace", paramLabel = "FILE",
            description = "Replay the node failures of this trace (system-<id>.csv from `foresight dataset import lanl`, or "
                    + "failure-trace.csv from `foresight dataset import bluegene`) instead of drawing them from the seed; trace node n "
                    + "is the scenario's node n.")
    Path file;

    @Option(names = "--failure-trace-from", paramLabel = "INSTANT",
            description = "Start the replay at this instant of the trace (e.g. 2003-06-01T00:00:00Z; default: its first outage).")
    Instant from;

    /**
     * The trace, if one was given, after saying on {@code err} how much of it the scenario replays.
     *
     * @throws IllegalArgumentException if the trace cannot be read, or none of its failures falls on the scenario's
     *                                  nodes within its duration (a run that replays nothing is not what was asked)
     */
    Optional<ReplayedFailures> load(Scenario scenario, PrintStream err) {
        if (file == null) {
            if (from != null) {
                throw new IllegalArgumentException("--failure-trace-from needs --failure-trace");
            }
            return Optional.empty();
        }
        ReplayedFailures replayed = ReplayedFailures.load(file, from);
        ReplayedFailures.Coverage coverage = replayed.coverage(scenario);
        if (coverage.replayed() == 0) {
            throw new IllegalArgumentException("failure trace " + file + ": nothing to replay: "
                    + coverage.describe(scenario) + " (more nodes, a longer duration or --failure-trace-from may help)");
        }
        err.println("failure trace " + file.getFileName() + ": " + coverage.describe(scenario));
        return Optional.of(replayed);
    }
}
