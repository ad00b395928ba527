package dev.foresight.cli;

import dev.foresight.cli.dashboard.DashboardOptions;
import dev.foresight.cli.dashboard.DashboardServer;
import dev.foresight.cli.dashboard.DashboardState;
import dev.foresight.cli.dashboard.ExperimentDashboard;
import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.ExperimentMetrics;
import dev.foresight.cli.metrics.MeteredCluster;
import dev.foresight.cli.metrics.MetricsOptions;
import dev.foresight.cli.metrics.SimulationMeters;
import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The main job, on nothing but a JDK: starts the embedded broker, runs the default scenario under every
 * baseline with common random numbers, and says where the report is.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline on the embedded Kafka broker: the default scenario under every baseline,",
            "recorded, with a live dashboard while it runs and an HTML report at the end."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "demo",
            description = "Scenario YAML file or built-in name (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--seed", description = "Random seed (default: the scenario's).")
    Long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "runs/demo", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--policies", split = ",", defaultValue = "NO_PROTECTION,PERIODIC,PROACTIVE,IDEAL,ORACLE",
            description = "Policies to compare (default: ${DEFAULT-VALUE}).")
    List<Policy> policies;

    // A plain flag: picocli's negatable form of a true-by-default option does not turn it off.
    @Option(names = "--no-dashboard", description = "Do not serve the live dashboard while the demo runs.")
    boolean noDashboard;

    @Mixin
    DashboardOptions dashboardOptions = new DashboardOptions();

    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    /**
     * The demo's learned predictor starts from a month of the cluster's history, as an operator's would: trained once
     * (about a minute) and cached under runs/history, so later demos start at once.
     */
    static final int HISTORY_DAYS = 30;

    @Mixin
    PredictorStartOptions predictorStart = new PredictorStartOptions();

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioArgument.resolve(scenario);
        long actualSeed = seed != null ? seed : s.seed();
        System.out.printf("Foresight demo: %s, %d nodes, %.1f simulated days, seed %d, policies %s, embedded Kafka%n",
                s.name(), s.nodes(), s.durationTicks() * s.tickSeconds() / 86400.0, actualSeed, policies);
        DashboardState state = new DashboardState("demo");
        try (ComponentMetrics metrics = metricsOptions.open("demo");
             MeteredCluster cluster = MeteredCluster.open(Map.of(), metrics);
             DashboardServer server = !noDashboard ? dashboardOptions.start(state) : null;
             ExperimentDashboard feed = new ExperimentDashboard(state)) {
            if (server != null) {
                System.out.println("dashboard: " + server.uri());
            }
            ExperimentOptions options = predictorStart.applyTo(ExperimentOptions.defaults(out).withPolicies(policies)
                    .withProgress(true).withKafka(cluster.clientProperties()), s, HISTORY_DAYS);
            ExperimentRunner runner = new ExperimentRunner(options);
            if (!noDashboard) {
                runner.addListener(feed);
            }
            metrics.registry().ifPresent(registry -> runner.addListener(new ExperimentMetrics(new SimulationMeters(registry))));
            ExperimentRunner.Outcome outcome = runner.run(s, actualSeed);
            ExperimentCommand.printSummary(outcome);
        }
        return 0;
    }
}
