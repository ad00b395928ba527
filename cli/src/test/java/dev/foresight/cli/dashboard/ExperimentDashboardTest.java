package dev.foresight.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.ExperimentMetrics;
import dev.foresight.cli.metrics.MeteredCluster;
import dev.foresight.cli.metrics.SimulationMeters;
import dev.foresight.cli.support.Scrape;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code foresight demo} wires around the experiment runner: the dashboard follows each policy run (the
 * cluster from the simulator's reports, the predictions from the run's topics) and the metrics count what the
 * pipeline's clients sent and the cluster's accounting.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExperimentDashboardTest {

    static final String TINY = """
            name: tiny
            seed: 5
            nodes: 8
            racks: 2
            durationTicks: 40
            failures:
              weibull: {shape: 0.7, scaleHours: 10}
            """;

    @Test
    void theDashboardAndTheMetricsFollowTheRuns(TestKafka kafka, @TempDir Path out) throws Exception {
        Scenario scenario = ScenarioLoader.parse(TINY, "tiny");
        DashboardState state = new DashboardState("demo");
        try (ComponentMetrics metrics = ComponentMetrics.start("demo", "127.0.0.1", 0, "--metrics-port");
             MeteredCluster cluster = MeteredCluster.open(kafka.clientProperties(), metrics);
             ExperimentDashboard dashboard = new ExperimentDashboard(state)) {
            ExperimentRunner runner = new ExperimentRunner(ExperimentOptions.defaults(out)
                    .withPolicies(List.of(Policy.PERIODIC, Policy.PROACTIVE)).withKafka(cluster.clientProperties()).withPartitions(2));
            runner.addListener(dashboard);
            runner.addListener(new ExperimentMetrics(new SimulationMeters(metrics.registry().orElseThrow())));
            List<RunResult> runs = runner.run(scenario, 5).runs();
            RunResult proactive = runs.get(1);
            long predictions = proactive.recordCounts().get("predictions.avro");
            assertThat(predictions).isPositive();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(state.snapshot().quality().predictions()).isEqualTo(predictions));
            DashboardSnapshot snapshot = state.snapshot();
            assertThat(snapshot.run()).isEqualTo("proactive");
            assertThat(snapshot.scenario()).isEqualTo("tiny");
            assertThat(snapshot.tick()).isEqualTo(scenario.durationTicks() - 1);
            assertThat(snapshot.nodes()).hasSize(8).allSatisfy(n -> assertThat(n.rack()).startsWith("rack"));
            assertThat(snapshot.nodes()).filteredOn(n -> n.risk() != null).as("scored nodes").isNotEmpty();
            assertThat(snapshot.quality().failures()).isEqualTo(proactive.summary().totals().failures());
            assertThat(snapshot.accounting().energyKwh()).isEqualTo(proactive.summary().totals().energyKwh());
            assertThat(snapshot.finishedRuns()).extracting(DashboardSnapshot.FinishedRun::label).containsExactly("periodic", "proactive");

            Scrape scrape = Scrape.of(metrics.endpoint().orElseThrow());
            assertThat(scrape.sum("foresight_cluster_energy_kwh", Map.of("component", "demo", "run", "proactive")))
                    .isEqualTo(proactive.summary().totals().energyKwh());
            assertThat(scrape.sum("foresight_cluster_failures", Map.of("run", "periodic"))).isEqualTo(runs.get(0).summary().totals().failures());
            assertThat(scrape.sum("foresight_predictions_total", Map.of("direction", "out")))
                    .as("predictions the Streams application sent").isGreaterThanOrEqualTo(predictions);
            long telemetry = runs.stream().mapToLong(r -> r.recordCounts().get("telemetry.avro")).sum();
            assertThat(scrape.sum("foresight_records_total", Map.of("direction", "out", "topic", "telemetry"))).isEqualTo(telemetry);
            assertThat(scrape.sum("foresight_tick")).isEqualTo(scenario.durationTicks() - 1);
        }
    }
}
