package dev.foresight.cli;

import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.ExperimentMetrics;
import dev.foresight.cli.metrics.MeteredCluster;
import dev.foresight.cli.metrics.MetricsOptions;
import dev.foresight.cli.metrics.SimulationMeters;
import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.Engine;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.ReplayedFailures;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import dev.foresight.experiments.report.ExperimentReport;
import dev.foresight.experiments.report.Quantities;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code foresight experiment run|compare|sweep|sweep-table}: closed-loop experiments with recording and a report. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run experiments on a scenario: one policy (run), all baselines with common random numbers (compare), "
                + "or many seeds with paired statistics (sweep, sweep-table).",
        subcommands = {ExperimentCommand.Run.class, ExperimentCommand.Compare.class, SweepCommand.class, SweepTableCommand.class})
final class ExperimentCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say 'run', 'compare', 'sweep' or 'sweep-table'");
    }

    /** Options shared by run and compare. */
    static final class Common {
        @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file, or a built-in name (small, demo, default, young-daly).")
        String scenario;

        @Option(names = "--seed", description = "Random seed (default: the scenario's).")
        Long seed;

        @Option(names = "--engine", defaultValue = "kafka", description = "kafka or inprocess (default: ${DEFAULT-VALUE}).")
        Engine engine;

        @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: runs/<scenario>-<seed>).")
        Path out;

        @Option(names = "--consolidation", description = "Let the actuator consolidate VMs and power nodes off.")
        boolean consolidation;

        @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the node-keyed topics (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(names = "--horizon-ticks", defaultValue = "" + ExperimentOptions.DEFAULT_HORIZON_TICKS,
                description = "Prediction horizon in ticks (default: ${DEFAULT-VALUE}).")
        long horizonTicks;

        @Option(names = "--quiet", description = "No progress line.")
        boolean quiet;

        @Mixin
        KafkaConnectionOptions kafka = new KafkaConnectionOptions();

        @Mixin
        MetricsOptions metricsOptions = new MetricsOptions();

        @Mixin
        FailureTraceOptions failureTrace = new FailureTraceOptions();

        @Mixin
        PredictorStartOptions predictorStart = new PredictorStartOptions();

        int execute(List<Policy> policies) throws Exception {
            Scenario s = ScenarioArgument.resolve(scenario);
            long actualSeed = seed != null ? seed : s.seed();
            Path dir = out != null ? out : Path.of("runs", s.name() + "-" + actualSeed);
            ReplayedFailures failures = failureTrace.load(s, System.err).orElse(null);
            Map<String, Object> props = kafka.external() ? kafka.clientProperties() : Map.of();
            try (ComponentMetrics metrics = metricsOptions.open("experiment");
                 MeteredCluster cluster = engine == Engine.KAFKA ? MeteredCluster.open(props, metrics) : MeteredCluster.unmetered(props)) {
                ExperimentOptions options = ExperimentOptions.defaults(dir).withPolicies(policies).withEngine(engine)
                        .withConsolidation(consolidation).withKafka(cluster.clientProperties()).withProgress(!quiet)
                        .withHorizonTicks(horizonTicks).withPartitions(partitions).withFailures(failures);
                options = predictorStart.applyTo(options, s, 0);
                ExperimentRunner runner = new ExperimentRunner(options);
                metrics.registry().ifPresent(registry -> runner.addListener(new ExperimentMetrics(new SimulationMeters(registry))));
                printSummary(runner.run(s, actualSeed));
            }
            return 0;
        }
    }

    static void printSummary(ExperimentRunner.Outcome outcome) {
        System.out.printf(Locale.ROOT, "%-26s %12s %10s %12s %12s %10s %9s%n", "policy", "useful c-h", "energy kWh", "lost c-h",
                "overhead c-h", "HP wait m", "failures");
        for (RunResult r : outcome.runs()) {
            Map<String, Double> f = ExperimentReport.figures(r);
            System.out.printf(Locale.ROOT, "%-26s %12.1f %10.1f %12.1f %12.1f %10.1f %9.0f%n", r.label(), f.get("usefulCoreHours"),
                    f.get("energyKwh"), f.get("lostCoreHours"),
                    f.get("checkpointCoreHours") + f.get("migrationCoreHours") + f.get("restartCoreHours"),
                    f.get("highPriorityMeanWaitMinutes"), f.get("failures"));
        }
        // the net benefit, as the report leads with it: one seed, so no interval (experiment sweep gives them)
        outcome.runs().stream().filter(r -> r.policy() == Policy.PERIODIC).findFirst().ifPresent(periodic -> {
            Map<String, Double> reference = ExperimentReport.figures(periodic);
            for (RunResult r : outcome.runs()) {
                if (r == periodic) {
                    continue;
                }
                Map<String, Double> f = ExperimentReport.figures(r);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s minus periodic:", r.label()));
                for (String key : Quantities.HEADLINE) {
                    double d = f.get(key) - reference.get(key);
                    line.append(String.format(Locale.ROOT, " %s %+,.1f%s", Quantities.run(key).map(q -> q.name().toLowerCase(Locale.ROOT)
                            + (q.unit().isEmpty() ? "" : " (" + q.unit() + ")")).orElse(key), d,
                            reference.get(key) == 0 ? "" : String.format(Locale.ROOT, " [%+.1f %%]", 100 * d / reference.get(key))));
                    line.append(key.equals(Quantities.HEADLINE.get(Quantities.HEADLINE.size() - 1)) ? "" : ",");
                }
                System.out.println(line);
            }
        });
        System.out.println("summary: " + outcome.summaryJson().toAbsolutePath());
        System.out.println("report:  " + outcome.reportHtml().toAbsolutePath());
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run one policy on a scenario, record it, and report.")
    static final class Run implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Option(names = "--policy", defaultValue = "PROACTIVE",
                description = "no_protection, periodic, proactive or oracle (default: ${DEFAULT-VALUE}).")
        Policy policy;

        @Override
        public Integer call() throws Exception {
            return common.execute(List.of(policy));
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Run several policies on the same scenario and seed (common random numbers) and compare them.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Option(names = "--policies", split = ",", defaultValue = "NO_PROTECTION,PERIODIC,PROACTIVE,ORACLE",
                description = "Comma-separated policies (default: ${DEFAULT-VALUE}).")
        List<Policy> policies;

        @Override
        public Integer call() throws Exception {
            return common.execute(policies);
        }
    }
}
