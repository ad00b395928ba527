package dev.foresight.cluster.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.scenario.CheckpointPolicy;
import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.cluster.scenario.PowerSettings;
import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.view.PowerStatus;
import org.junit.jupiter.api.Test;

class CostModelsTest {

    @Test
    void checkpointCostIsDrainPlusMemoryOverTheVmShareOfStorage() {
        var model = new SharedStorageCheckpointModel(new CheckpointSettings(CheckpointPolicy.YOUNG, 60, 5, 4_000, 500, 1.0));

        // 4 VMs write alone: each gets min(500, 4000/4) = 500 MB/s; 16 GB takes 32.768 s
        assertThat(model.uncontendedSeconds(JobKind.MPI, 4, 16_384)).isCloseTo(5 + 32.768, within(1e-9));
        // 16 VMs: storage-bound at 250 MB/s each
        assertThat(model.uncontendedSeconds(JobKind.MPI, 16, 16_384)).isCloseTo(5 + 65.536, within(1e-9));
        // throughput jobs have nothing to drain
        assertThat(model.uncontendedSeconds(JobKind.THROUGHPUT, 1, 16_384)).isCloseTo(32.768, within(1e-9));
        assertThat(model.restartSeconds(JobKind.THROUGHPUT, 1, 16_384)).isCloseTo(32.768, within(1e-9));
    }

    @Test
    void powerIsLinearInUtilisationWhenOnAndFixedOtherwise() {
        var model = new LinearPowerModel(new PowerSettings(200, 400, 10, 40, 240, 20, 30));

        assertThat(model.watts(PowerStatus.ON, false, 0)).isEqualTo(200);
        assertThat(model.watts(PowerStatus.ON, false, 0.25)).isEqualTo(250);
        assertThat(model.watts(PowerStatus.ON, false, 1.7)).isEqualTo(400);
        assertThat(model.watts(PowerStatus.BOOTING, false, 0)).isEqualTo(200);
        assertThat(model.watts(PowerStatus.LOW_POWER, false, 0)).isEqualTo(40);
        assertThat(model.watts(PowerStatus.OFF, false, 0)).isEqualTo(10);
        assertThat(model.watts(PowerStatus.ON, true, 1)).isEqualTo(10);
    }
}
