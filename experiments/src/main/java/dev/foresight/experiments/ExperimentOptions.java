package dev.foresight.experiments;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.schemas.ModelRelease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How to run an experiment. {@link #defaults(Path)} works on a laptop.
 *
 * @param kafka         client properties of an external cluster; empty means the embedded broker
 * @param partitions    partitions of the node-keyed topics
 * @param tickTimeout   how long the loop waits for a stage to close a tick before it gives up with an error
 * @param realtimeTick  non-null: pace ticks by the wall clock, one tick per this duration (live demos)
 * @param showProgress  print a progress line (simulated time, records/s, ETA) to stderr
 * @param horizonTicks  prediction horizon: an alarm is right if the node fails within this many ticks
 * @param failures      non-null: replay these real failures instead of drawing them from the seed
 * @param historyDays   above 0: the learned predictor starts from a model trained on this many days of the same
 *                      cluster's history under an independent seed ({@link HistoryModels}); 0: from nothing
 * @param historyCache  where history recordings and models are kept between runs
 * @param initialModel  non-null: the learned predictor starts from this model (version 0) instead
 */
public record ExperimentOptions(Engine engine, List<Policy> policies, boolean consolidation, Path outputDir,
                                Map<String, Object> kafka, int partitions, Duration tickTimeout, Duration realtimeTick,
                                boolean showProgress, long horizonTicks, ReplayedFailures failures, int historyDays,
                                Path historyCache, ModelRelease initialModel) {

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
        if (historyDays < 0) {
            throw new IllegalArgumentException("history days must be >= 0, got " + historyDays);
        }
        policies = List.copyOf(policies);
        kafka = Map.copyOf(kafka);
    }

    /** Where history is cached unless said otherwise: beside the runs, shared by every experiment of the directory. */
    public static final Path DEFAULT_HISTORY_CACHE = Path.of("runs", "history");

    /** One hour of one-minute ticks: long enough to migrate a node's VMs, short enough to be specific. */
    public static final long DEFAULT_HORIZON_TICKS = 60;

    public static ExperimentOptions defaults(Path outputDir) {
        return new ExperimentOptions(Engine.KAFKA, List.of(Policy.values()), false, outputDir, Map.of(), 4,
                Duration.ofSeconds(120), null, false, DEFAULT_HORIZON_TICKS, null, 0, DEFAULT_HISTORY_CACHE, null);
    }

    /** The cluster model of a run: the scenario's failures drawn from the seed, or the replayed trace's. */
    ClusterSimulation simulation(Scenario scenario, long seed) {
        return failures == null ? ClusterSimulation.create(scenario, seed) : failures.simulate(scenario, seed);
    }

    public ExperimentOptions withPartitions(int count) {
        return with(c -> c.partitions = count);
    }

    public ExperimentOptions withHorizonTicks(long ticks) {
        return with(c -> c.horizonTicks = ticks);
    }

    public ExperimentOptions withPolicies(List<Policy> newPolicies) {
        return with(c -> c.policies = newPolicies);
    }

    public ExperimentOptions withEngine(Engine newEngine) {
        return with(c -> c.engine = newEngine);
    }

    public ExperimentOptions withKafka(Map<String, Object> newKafka) {
        return with(c -> c.kafka = newKafka);
    }

    public ExperimentOptions withProgress(boolean show) {
        return with(c -> c.showProgress = show);
    }

    public ExperimentOptions withConsolidation(boolean on) {
        return with(c -> c.consolidation = on);
    }

    public ExperimentOptions withRealtime(Duration perTick) {
        return with(c -> c.realtimeTick = perTick);
    }

    public ExperimentOptions withOutputDir(Path dir) {
        return with(c -> c.outputDir = dir);
    }

    /** Start the learned predictor from a model trained on this many days of history (0: from nothing). */
    public ExperimentOptions withHistoryDays(int days) {
        return with(c -> c.historyDays = days);
    }

    public ExperimentOptions withHistoryCache(Path dir) {
        return with(c -> c.historyCache = dir);
    }

    /** Start the learned predictor from this model (null: none, or history if asked for). */
    public ExperimentOptions withInitialModel(ModelRelease model) {
        return with(c -> c.initialModel = model);
    }

    /** Replays these failures (null: draw them from the seed again). */
    public ExperimentOptions withFailures(ReplayedFailures replayed) {
        return with(c -> c.failures = replayed);
    }

    private ExperimentOptions with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** A mutable copy, so that each wither names only what it changes. */
    private static final class Copy {
        Engine engine;
        List<Policy> policies;
        boolean consolidation;
        Path outputDir;
        Map<String, Object> kafka;
        int partitions;
        Duration tickTimeout;
        Duration realtimeTick;
        boolean showProgress;
        long horizonTicks;
        ReplayedFailures failures;
        int historyDays;
        Path historyCache;
        ModelRelease initialModel;

        Copy(ExperimentOptions o) {
            engine = o.engine;
            policies = o.policies;
            consolidation = o.consolidation;
            outputDir = o.outputDir;
            kafka = o.kafka;
            partitions = o.partitions;
            tickTimeout = o.tickTimeout;
            realtimeTick = o.realtimeTick;
            showProgress = o.showProgress;
            horizonTicks = o.horizonTicks;
            failures = o.failures;
            historyDays = o.historyDays;
            historyCache = o.historyCache;
            initialModel = o.initialModel;
        }

        ExperimentOptions build() {
            return new ExperimentOptions(engine, policies, consolidation, outputDir, kafka, partitions, tickTimeout,
                    realtimeTick, showProgress, horizonTicks, failures, historyDays, historyCache, initialModel);
        }
    }
}
