package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.RunResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault tests compose the loop by hand ({@link FaultLoop}) so they can reach into it; this guards that
 * the hand-made loop is the product's loop: undisturbed, it records exactly what {@code ExperimentRunner}
 * ({@code foresight experiment run}) records for the same scenario, seed, policy and partitions.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HarnessFidelityTest {

    @Test
    void theHandMadeLoopRecordsWhatExperimentRunnerRecords(TestKafka kafka, @TempDir Path dir) throws Exception {
        FaultLoop.Result harness = References.undisturbed(kafka);
        RunResult runner = new ExperimentRunner(ExperimentOptions.defaults(dir).withPolicies(List.of(References.POLICY))
                .withKafka(kafka.clientProperties()).withPartitions(References.PARTITIONS)
                .withInitialModel(References.initialModel()))
                .run(References.scenario(), References.SEED).runs().get(0);
        assertThat(harness.counts()).isEqualTo(runner.recordCounts());
        assertThat(harness.checksums())
                .as("FaultLoop's settings drifted from ExperimentRunner's (ControlPlanes, ScenarioVariants)")
                .isEqualTo(runner.checksums());
    }
}
