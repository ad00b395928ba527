package dev.foresight.experiments.sweep;

import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.PredictorStart;
import dev.foresight.experiments.ReplayedFailures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a sweep runs: every policy under every seed of one scenario, on the in-process engine.
 * {@link Policy#PERIODIC} is the reference of every paired difference, so it is always run, first.
 *
 * @param seeds          sorted, distinct (see {@link SeedList})
 * @param policies       the policies asked for, PERIODIC first (added if it was not asked for)
 * @param failures       non-null: replay these failures under every seed instead of drawing them
 * @param jobs           concurrent runs; null: as many as the cores and the heap allow
 * @param keepRecordings keep each run's recording under {@code DIR/recordings} (tens of MB a run)
 * @param rerunStale     run again, rather than refuse, results made from another scenario, options or code
 * @param start          what the learned predictor starts from
 */
public record SweepPlan(Scenario scenario, List<Long> seeds, List<Policy> policies, boolean consolidation, long horizonTicks,
                        ReplayedFailures failures, Path outputDir, Integer jobs, boolean keepRecordings, boolean rerunStale,
                        PredictorStart start) {

    public static final Policy REFERENCE = Policy.PERIODIC;

    public SweepPlan {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(start, "start");
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
        if (policies == null || policies.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one policy");
        }
        if (jobs != null && jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        if (horizonTicks < 1) {
            throw new IllegalArgumentException("prediction horizon must be >= 1 tick, got " + horizonTicks);
        }
        seeds = List.copyOf(new java.util.TreeSet<>(seeds));
        LinkedHashSet<Policy> ordered = new LinkedHashSet<>();
        ordered.add(REFERENCE);
        ordered.addAll(policies);
        policies = List.copyOf(ordered);
    }

    /** A plan with the defaults of {@code experiment compare}: no consolidation, the default horizon, drawn failures. */
    public static SweepPlan of(Scenario scenario, List<Long> seeds, List<Policy> policies, Path outputDir) {
        return new SweepPlan(scenario, seeds, policies, false, ExperimentOptions.DEFAULT_HORIZON_TICKS, null, outputDir, null,
                false, false, PredictorStart.none());
    }

    public SweepPlan withJobs(Integer count) {
        return new SweepPlan(scenario, seeds, policies, consolidation, horizonTicks, failures, outputDir, count, keepRecordings, rerunStale, start);
    }

    public SweepPlan withRerunStale(boolean rerun) {
        return new SweepPlan(scenario, seeds, policies, consolidation, horizonTicks, failures, outputDir, jobs, keepRecordings, rerun, start);
    }

    public SweepPlan withHorizonTicks(long ticks) {
        return new SweepPlan(scenario, seeds, policies, consolidation, ticks, failures, outputDir, jobs, keepRecordings, rerunStale, start);
    }

    public SweepPlan withStart(PredictorStart newStart) {
        return new SweepPlan(scenario, seeds, policies, consolidation, horizonTicks, failures, outputDir, jobs, keepRecordings,
                rerunStale, newStart);
    }

    public SweepPlan withKeepRecordings(boolean keep) {
        return new SweepPlan(scenario, seeds, policies, consolidation, horizonTicks, failures, outputDir, jobs, keep, rerunStale, start);
    }

    /** Every run, seed by seed. */
    public List<RunKey> runs() {
        List<RunKey> keys = new ArrayList<>();
        for (long seed : seeds) {
            for (Policy policy : policies) {
                keys.add(new RunKey(seed, policy));
            }
        }
        return keys;
    }

    /** The label a run of {@code policy} carries in this sweep, as its ticks report it ({@link dev.foresight.experiments.RunResult#label()}). */
    String label(Policy policy) {
        return policy.label() + (consolidation ? "+consolidation" : "");
    }

    /** The identity a run of this plan has with the code running now. */
    RunIdentity identity(RunKey key, String scenarioSha256, String code) {
        String trace = failures == null ? null : failures.sha256() + (failures.from() == null ? "" : "@" + failures.from());
        return new RunIdentity(scenario.name(), scenarioSha256, key.seed(), key.policy().name(), consolidation, horizonTicks, trace,
                key.policy() == Policy.PROACTIVE ? start.describe() : "no model", code);
    }

    /** The options each run is made with: those of {@code experiment compare --engine inprocess}. */
    ExperimentOptions experimentOptions(Path workDir) {
        return start.applyTo(ExperimentOptions.defaults(workDir).withEngine(dev.foresight.experiments.Engine.INPROCESS).withPolicies(policies)
                .withConsolidation(consolidation).withHorizonTicks(horizonTicks).withFailures(failures).withProgress(false));
    }
}
