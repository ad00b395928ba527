package dev.foresight.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim the project exists to measure, on the scenario the demo runs: with the same failures (common
 * random numbers), prediction plus the actuator loses less work than periodic checkpointing alone, and the
 * oracle bounds what prediction can do. Runs on the in-process engine, which records the same bytes as the
 * Kafka engine (EngineEquivalenceTest), so the verdict holds for the demo through Kafka too.
 */
class ProactiveBeatsPeriodicTest {

    @Test
    void proactiveLosesLessWorkThanPeriodicCheckpointingOnTheDemoScenario(@TempDir Path dir) throws Exception {
        var scenario = ScenarioLoader.builtIn("demo");
        var options = ExperimentOptions.defaults(dir).withEngine(Engine.INPROCESS)
                .withPolicies(List.of(Policy.PERIODIC, Policy.PROACTIVE, Policy.ORACLE));
        var runs = new ExperimentRunner(options).run(scenario, scenario.seed()).runs();
        RunResult periodic = runs.get(0);
        RunResult proactive = runs.get(1);
        RunResult oracle = runs.get(2);

        assertThat(proactive.summary().totals().failures()).isPositive().isEqualTo(periodic.summary().totals().failures());
        assertThat(proactive.recordCounts().get("commands.avro")).as("the actuator acted on learned predictions").isPositive();
        assertThat(proactive.summary().totals().lostCoreSeconds()).isLessThan(periodic.summary().totals().lostCoreSeconds());
        assertThat(oracle.summary().totals().lostCoreSeconds()).isLessThan(proactive.summary().totals().lostCoreSeconds());
        // the report's PR curve: the oracle's alarms are exactly the node-ticks before a failure
        assertThat(proactive.prCurve()).isNotEmpty();
        assertThat(oracle.prCurve().get(0)[0]).as("oracle recall at its threshold").isGreaterThan(0.95);
        assertThat(oracle.prCurve().get(0)[1]).as("oracle precision at its threshold").isEqualTo(1.0);
    }
}
