package dev.foresight.cli;

import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.ReplayedFailures;
import dev.foresight.experiments.sweep.SeedList;
import dev.foresight.experiments.sweep.SweepPlan;
import dev.foresight.experiments.sweep.SweepRunner;
import dev.foresight.experiments.sweep.summary.MarkdownTable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foresight experiment sweep}: many seeds, paired differences against periodic, one summary and report. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run policies under many seeds (common random numbers within a seed) on the in-process engine, in "
                + "parallel, and report each policy's paired difference from periodic per figure: mean, 95 %% intervals (paired t "
                + "and bootstrap), wins out of N, a plot across seeds. Finished runs are kept as they end (DIR/results), so the "
                + "same command resumes an interrupted sweep, and a rerun with more seeds runs only the new ones. Periodic is "
                + "always run: it is the reference of every difference.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file, or a built-in name (small, demo, default, young-daly).")
    String scenario;

    @Option(names = "--seeds", required = true, paramLabel = "SEEDS",
            description = "Seeds: a range 1..10, a list 1,5,9, or both (1..3,8).")
    String seeds;

    @Option(names = "--policies", split = ",", defaultValue = "periodic,proactive,oracle", converter = PolicyName.class,
            paramLabel = "POLICY", description = "Comma-separated policies (default: ${DEFAULT-VALUE}); periodic is added if missing.")
    List<Policy> policies;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: runs/sweep-<scenario>).")
    Path out;

    @Option(names = "--jobs", paramLabel = "K",
            description = "Runs at a time (default: the cores, as many as the heap allows; each run's heap need is checked against -Xmx).")
    Integer jobs;

    @Option(names = "--consolidation", description = "Let the actuator consolidate VMs and power nodes off.")
    boolean consolidation;

    @Option(names = "--horizon-ticks", defaultValue = "" + ExperimentOptions.DEFAULT_HORIZON_TICKS,
            description = "Prediction horizon in ticks (default: ${DEFAULT-VALUE}).")
    long horizonTicks;

    @Option(names = "--keep-recordings", description = "Keep every run's recording under DIR/recordings (tens of MB a run).")
    boolean keepRecordings;

    @Option(names = "--rerun-stale",
            description = "Run again results in DIR made from another scenario, options or code, instead of refusing.")
    boolean rerunStale;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Mixin
    FailureTraceOptions failureTrace = new FailureTraceOptions();

    @Mixin
    PredictorStartOptions predictorStart = new PredictorStartOptions();

    @Override
    public Integer call() throws Exception {
        List<Long> seedList = SeedList.parse(seeds);
        Scenario s = ScenarioArgument.resolve(scenario);
        ReplayedFailures failures = failureTrace.load(s, System.err).orElse(null);
        Path dir = out != null ? out : Path.of("runs", "sweep-" + s.name());
        if (!policies.contains(SweepPlan.REFERENCE)) {
            System.err.println("sweep: " + SweepPlan.REFERENCE.label() + " is run too: it is the reference of every difference");
        }
        SweepPlan plan = new SweepPlan(s, seedList, policies, consolidation, horizonTicks, failures, dir, jobs, keepRecordings, rerunStale,
                predictorStart.resolve(s, 0));
        SweepRunner.Outcome outcome = new SweepRunner(plan, System.err, !quiet).run();
        System.out.println();
        System.out.print(MarkdownTable.render(outcome.summary()));
        System.out.println();
        System.out.println("summary: " + outcome.summaryJson().toAbsolutePath() + " (and " + outcome.summaryCsv().getFileName() + ", "
                + outcome.seedsCsv().getFileName() + ")");
        System.out.println("report:  " + outcome.reportHtml().toAbsolutePath());
        return 0;
    }
}
