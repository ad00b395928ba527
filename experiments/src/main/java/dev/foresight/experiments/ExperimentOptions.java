package dev.foresight.experiments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run an experiment. {@link #defaults(Path)} works on a laptop.
 *
 * @param kafka         client properties of an external cluster; empty means the embedded broker
 * @param partitions    partitions of the node-keyed topics
 * @param tickTimeout   how long the loop waits for a stage to close a tick before it gives up with an error
 * @param realtimeTick  non-null: pace ticks by the wall clock, one tick per this duration (live demos)
 * @param showProgress  print a progress line (simulated time, records/s, ETA) to stderr
 * @param horizonTicks  prediction horizon: an alarm is right if the node fails within this many ticks
 */
public record ExperimentOptions(Engine engine, List<Policy> policies, boolean consolidation, Path outputDir,
                                Map<String, Object> kafka, int partitions, Duration tickTimeout, Duration realtimeTick,
                                boolean showProgress, long horizonTicks) {

    public ExperimentOptions {
        if (policies == null || policies.isEmpty()) {
            throw new IllegalArgumentException("at least one policy is needed");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (horizonTicks < 1) {
            throw new IllegalArgumentException("prediction horizon must be >= 1 tick, got " + horizonTicks);
        }
        policies = List.copyOf(policies);
        kafka = Map.copyOf(kafka);
    }

    /** One hour of one-minute ticks: long enough to migrate a node's VMs, short enough to be specific. */
    public static final long DEFAULT_HORIZON_TICKS = 60;

    public ExperimentOptions withPartitions(int count) {
        return new ExperimentOptions(engine, policies, consolidation, outputDir, kafka, count, tickTimeout, realtimeTick, showProgress, horizonTicks);
    }

    public ExperimentOptions withHorizonTicks(long ticks) {
        return new ExperimentOptions(engine, policies, consolidation, outputDir, kafka, partitions, tickTimeout, realtimeTick, showProgress, ticks);
    }

    public static ExperimentOptions defaults(Path outputDir) {
        return new ExperimentOptions(Engine.KAFKA, List.of(Policy.values()), false, outputDir, Map.of(), 4,
                Duration.ofSeconds(120), null, false, DEFAULT_HORIZON_TICKS);
    }

    public ExperimentOptions withPolicies(List<Policy> newPolicies) {
        return new ExperimentOptions(engine, newPolicies, consolidation, outputDir, kafka, partitions, tickTimeout, realtimeTick, showProgress, horizonTicks);
    }

    public ExperimentOptions withEngine(Engine newEngine) {
        return new ExperimentOptions(newEngine, policies, consolidation, outputDir, kafka, partitions, tickTimeout, realtimeTick, showProgress, horizonTicks);
    }

    public ExperimentOptions withKafka(Map<String, Object> newKafka) {
        return new ExperimentOptions(engine, policies, consolidation, outputDir, newKafka, partitions, tickTimeout, realtimeTick, showProgress, horizonTicks);
    }

    public ExperimentOptions withProgress(boolean show) {
        return new ExperimentOptions(engine, policies, consolidation, outputDir, kafka, partitions, tickTimeout, realtimeTick, show, horizonTicks);
    }

    public ExperimentOptions withConsolidation(boolean on) {
        return new ExperimentOptions(engine, policies, on, outputDir, kafka, partitions, tickTimeout, realtimeTick, showProgress, horizonTicks);
    }

    public ExperimentOptions withRealtime(Duration perTick) {
        return new ExperimentOptions(engine, policies, consolidation, outputDir, kafka, partitions, tickTimeout, perTick, showProgress, horizonTicks);
    }

    public ExperimentOptions withOutputDir(Path dir) {
        return new ExperimentOptions(engine, policies, consolidation, dir, kafka, partitions, tickTimeout, realtimeTick, showProgress, horizonTicks);
    }
}
