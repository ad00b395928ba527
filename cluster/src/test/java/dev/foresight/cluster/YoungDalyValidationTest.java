package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.cost.SharedStorageCheckpointModel;
import dev.foresight.cluster.scenario.CheckpointPolicy;
import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.cluster.view.JobKind;
import org.junit.jupiter.api.Test;

/**
 * The model's own validation: with exponential failures and periodic checkpoints every T of compute,
 * the share of time wasted (checkpoints plus lost work) must agree with the first-order Young/Daly
 * formula {@code C/T + T/(2M)}, minimised at Young's interval {@code T = sqrt(2 C M)}.
 *
 * <p>The young-daly scenario runs 64 single-VM jobs (job MTBF = node MTBF = 36 h, C = 122.88 s,
 * T = 5,644 s, predicted waste 4.35 %) for 600 h: about 1,060 job failures. The lost-work half of the
 * waste has a relative standard error of about sqrt(1 + 1/3) / sqrt(1060) = 3.5 % (Poisson count
 * times uniform loss), so the total is stable to about 2 %. Two known biases push the measurement
 * down by about 3 %: the formula is first order (the exact renewal value is 1.4 % lower at T/M = 0.044)
 * and failures strike at the start of their tick (half a tick less lost work each). The 10 %
 * tolerance covers both with three standard deviations to spare.
 */
class YoungDalyValidationTest {

    private static final Scenario SCENARIO = ScenarioLoader.builtIn("young-daly");

    private static double checkpointCost() {
        long vmMemory = Math.round(SCENARIO.jobs().coresPerVm().get(0) * SCENARIO.jobs().memoryPerCoreMb().min());
        return new SharedStorageCheckpointModel(SCENARIO.checkpointing()).uncontendedSeconds(JobKind.THROUGHPUT, 1, vmMemory);
    }

    private static double mtbfSeconds() {
        return SCENARIO.failures().weibull().meanHours() * 3600;
    }

    private static double firstOrderWaste(double interval) {
        return checkpointCost() / interval + interval / (2 * mtbfSeconds());
    }

    private static AccountingSummary run(Scenario scenario) {
        ClusterSimulation sim = ClusterSimulation.create(scenario, scenario.seed());
        while (!sim.finished()) {
            sim.advance();
        }
        return sim.summary();
    }

    @Test
    void wasteAtYoungsIntervalMatchesTheFirstOrderFormula() {
        double c = checkpointCost();
        double t = Math.sqrt(2 * c * mtbfSeconds());
        double predicted = firstOrderWaste(t);

        AccountingSummary summary = run(SCENARIO);
        double measured = summary.wasteFraction();

        assertThat(c).isEqualTo(122.88);
        assertThat(predicted).isBetween(0.043, 0.044);
        assertThat(summary.totals().jobsRolledBack()).as("job failures (statistical power)").isGreaterThan(900);
        assertThat(summary.totals().migrationCoreSeconds() + summary.totals().restartCoreSeconds()).isZero();
        assertThat(Math.abs(measured - predicted) / predicted)
                .as("measured waste %.4f vs predicted %.4f (C = %.2f s, T = %.0f s, M = %.0f s)",
                        measured, predicted, c, t, mtbfSeconds())
                .isLessThan(0.10);
    }

    @Test
    void checkpointingFourTimesTooOftenOrTooRarelyWastesMore() {
        double t = Math.sqrt(2 * checkpointCost() * mtbfSeconds());
        Scenario shorter = SCENARIO.withDurationTicks(SCENARIO.durationTicks() / 2);

        double young = run(shorter).wasteFraction();
        double tooOften = run(periodic(shorter, t / 4)).wasteFraction();
        double tooRarely = run(periodic(shorter, t * 4)).wasteFraction();

        // the formula predicts 2.1 times Young's waste for both (9.25 %); the simulation measures about
        // 8.5 % and 8.9 %: at these intervals C/T or T/M is no longer small, so the first-order formula
        // overstates by its neglected second-order terms. The optimum must still show.
        assertThat(tooOften).as("waste at T/4 vs %.4f at T", young).isGreaterThan(1.6 * young);
        assertThat(tooRarely).as("waste at 4T vs %.4f at T", young).isGreaterThan(1.6 * young);
    }

    private static Scenario periodic(Scenario s, double intervalSeconds) {
        CheckpointSettings c = s.checkpointing();
        return s.withCheckpointing(new CheckpointSettings(CheckpointPolicy.PERIODIC, intervalSeconds / 60, c.drainSeconds(),
                c.storageBandwidthMbPerSec(), c.vmWriteMbPerSec(), c.restartCostFactor()));
    }
}
