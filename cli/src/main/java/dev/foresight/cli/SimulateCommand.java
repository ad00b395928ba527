package dev.foresight.cli;

import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.MetricsOptions;
import dev.foresight.cli.metrics.SimulationMeters;
import dev.foresight.cluster.AccountingSummary;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.KafkaCommandSource;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The simulated cluster as a service: publishes its telemetry, events and state to a Kafka cluster and
 * applies the actuator's commands (closed loop), for deployments where the topology and the actuator
 * run as their own processes.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the cluster model against a Kafka cluster: publish each tick, apply the actuator's commands.")
final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", defaultValue = "small",
            description = "Scenario YAML file or built-in name (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Mixin
    TopicLayoutOptions layout = new TopicLayoutOptions();

    @Option(names = "--seed", description = "Random seed (default: the scenario's).")
    Long seed;

    @Mixin
    FailureTraceOptions failureTrace = new FailureTraceOptions();

    @Option(names = "--open-loop", description = "Do not wait for the actuator (no commands are applied).")
    boolean openLoop;

    @Option(names = "--ms-per-tick", defaultValue = "0",
            description = "Realtime pacing: wall-clock milliseconds per tick; 0 = lockstep, as fast as the pipeline allows (default).")
    long msPerTick;

    @Option(names = "--tick-timeout-seconds", defaultValue = "300",
            description = "How long to wait for the actuator to close a tick before giving up (default: ${DEFAULT-VALUE}).")
    long tickTimeoutSeconds;

    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioArgument.resolve(scenario);
        long actualSeed = seed != null ? seed : s.seed();
        TopicCatalogue topics = TopicCatalogue.of(layout.settings());
        ClusterSimulation simulation = failureTrace.load(s, System.err)
                .map(replayed -> ClusterSimulation.create(s, actualSeed, replayed.trace()))
                .orElseGet(() -> ClusterSimulation.create(s, actualSeed));
        try (ComponentMetrics metrics = metricsOptions.open("simulator")) {
            Map<String, Object> props = metrics.instrument(kafka.clientProperties());
            try (Admin admin = Admin.create(props)) {
                new TopicAdministrator(admin, 60_000).createMissing(topics);
            }
            Optional<TickedTopicReader<dev.foresight.schemas.Command>> commands = openLoop ? Optional.empty()
                    : Optional.of(KafkaCommandSource.reader(props, topics.name(TopicRole.COMMANDS)));
            try (TickPublisher publisher = new TickPublisher(props, topics, layout.prefix() + "simulator")) {
                SimulationDriver driver = new SimulationDriver(simulation, publisher, commands, s.actuationLagTicks(),
                        Duration.ofSeconds(tickTimeoutSeconds), () -> true,
                        msPerTick > 0 ? SimulationDriver.Pacer.realtime(Duration.ofMillis(msPerTick)) : SimulationDriver.Pacer.asFastAsPossible());
                driver.addListener(new dev.foresight.experiments.loop.ProgressLine(System.err, s.name(), s.durationTicks(), s.tickSeconds()));
                metrics.registry().ifPresent(registry -> {
                    SimulationMeters meters = new SimulationMeters(registry);
                    driver.addListener(report -> meters.onTick(s.name(), report));
                });
                System.out.printf("simulating %s (%d nodes, seed %d) on %s* %s%n", s.name(), s.nodes(), actualSeed, layout.prefix(),
                        openLoop ? "open loop" : "closed loop with the actuator");
                driver.run();
            } finally {
                commands.ifPresent(TickedTopicReader::close);
            }
        }
        AccountingSummary summary = simulation.summary();
        System.out.printf(Locale.ROOT, "done: %.1f simulated hours, useful %.1f core-h, lost %.1f core-h, energy %.1f kWh, %d failures%n",
                summary.simulatedHours(), summary.usefulCoreHours(), summary.totals().lostCoreSeconds() / 3600,
                summary.totals().energyKwh(), summary.totals().failures());
        return 0;
    }
}
