package dev.foresight.actuator.policy;

import static dev.foresight.actuator.ClusterFixture.calm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.risk.RiskView;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.VmView;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {

    private final ActuatorSettings settings = ActuatorSettings.defaults();
    private final CheckpointPolicy policy = new CheckpointPolicy();

    @Test
    void youngDalyIsTheSquareRootOfTwiceMtbfTimesCost() {
        // M = 10 h, C = 60 s: sqrt(2 * 36000 * 60) = 2078.46 s
        assertThat(CheckpointInterval.youngDaly(36_000, 60)).isCloseTo(2078.46, within(0.01));
    }

    @Test
    void recallStretchesTheIntervalByOneOverSquareRootOfOneMinusRecall() {
        double young = CheckpointInterval.youngDaly(36_000, 60);
        assertThat(CheckpointInterval.withRecall(36_000, 60, 0.75)).isCloseTo(2 * young, within(1e-9));
        assertThat(CheckpointInterval.withRecall(36_000, 60, 0.0)).isEqualTo(young);
        assertThatThrownBy(() -> CheckpointInterval.withRecall(36_000, 60, 1.0)).hasMessageContaining("recall");
    }

    /**
     * A job on 2 nodes with node MTBF 1400 h sees M = 700 h; with C = 30 s, Young/Daly gives
     * sqrt(2 * 2 520 000 * 30) = 12 296 s, about 205 one-minute ticks.
     */
    private static ClusterFixture twoNodeJob(long lastCheckpointTick) {
        return ClusterFixture.nodes(2, 2, 16, 65_536)
                .vm("n0", "j-0", "j", 4, 4096)
                .vm("n1", "j-1", "j", 4, 4096)
                .job(ClusterFixture.running("j", List.of("j-0", "j-1"), lastCheckpointTick, 30));
    }

    @Test
    void checkpointsOnceTheYoungDalyIntervalHasElapsedWithoutAModel() {
        assertThat(policy.propose(Contexts.of(twoNodeJob(0).view(204), settings))).isEmpty();

        var due = policy.propose(Contexts.of(twoNodeJob(0).view(205), settings));

        assertThat(due).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CommandKind.CHECKPOINT);
            assertThat(p.subject()).isEqualTo("j");
            assertThat(p.reason()).contains("r = 0.00", "over 2 node(s)");
        });
    }

    @Test
    void aPredictorWithRecallStretchesTheInterval() {
        // recall 0.75 doubles the interval: about 410 ticks
        var reliability = new ReliabilityEstimate(1400 * 3600.0, 0.75, 20);
        var view = twoNodeJob(0).view(300);
        var risk = RiskView.of(300, settings.risk(), List.of(calm("n0", 300, 0.01)));

        assertThat(policy.propose(PlanningContext.of(view, risk, settings, OperationsView.NONE, reliability))).isEmpty();

        var later = twoNodeJob(0).view(410);
        var laterRisk = RiskView.of(410, settings.risk(), List.of(calm("n0", 410, 0.01)));
        assertThat(policy.propose(PlanningContext.of(later, laterRisk, settings, OperationsView.NONE, reliability))).hasSize(1);
    }

    @Test
    void measuredRecallIsIgnoredWhileNoModelIsActive() {
        var reliability = new ReliabilityEstimate(1400 * 3600.0, 0.75, 20);
        var view = twoNodeJob(0).view(300);

        assertThat(policy.propose(PlanningContext.of(view, RiskView.empty(300, settings.risk()), settings,
                OperationsView.NONE, reliability))).hasSize(1);
    }

    @Test
    void leavesJobsThatAreCheckpointingOrMigratingAlone() {
        var checkpointing = ClusterFixture.nodes(1, 1, 16, 65_536)
                .vm("n0", new VmView("v", "j", 4, 4096, false, 0, false, true, 0))
                .job(ClusterFixture.running("j", List.of("v"), 0, 30))
                .view(10_000);
        var migrating = ClusterFixture.nodes(1, 1, 16, 65_536)
                .vm("n0", new VmView("v", "j", 4, 4096, false, 0, true, false, 0))
                .job(ClusterFixture.running("j", List.of("v"), 0, 30))
                .view(10_000);

        assertThat(policy.propose(Contexts.of(checkpointing, settings))).isEmpty();
        assertThat(policy.propose(Contexts.of(migrating, settings))).isEmpty();
    }

    @Test
    void estimatesTheCostFromMemoryWhenTheViewDoesNotKnowIt() {
        var job = ClusterFixture.running("j", List.of("a", "b"), 0, 0);
        // MPI, 2 writers of 8 GB each at min(500, 10000 / 2) MB/s, plus 5 s drain
        assertThat(Costs.checkpointSeconds(job, 2, 8192, settings.checkpointing())).isCloseTo(5 + 8192 / 500.0, within(1e-9));
    }
}
