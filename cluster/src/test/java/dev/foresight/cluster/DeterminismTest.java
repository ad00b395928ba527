package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.command.ClusterCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Runs are pure functions of (scenario, seed, commands): no clock, no hash order, no shared randomness. */
class DeterminismTest {

    private static String digest(Scenario scenario, long seed, int ticks, boolean withCommands) {
        ClusterSimulation sim = ClusterSimulation.create(scenario, seed);
        TraceDigest digest = new TraceDigest();
        for (int i = 0; i < ticks; i++) {
            if (withCommands && i == 30) {
                sim.submit(ClusterCommand.quarantine("q", "node-0005", "test"), 40);
                sim.submit(ClusterCommand.powerOff("off", "node-0031", "test"), 45);
            }
            digest.update(sim.advance());
        }
        return digest.hex();
    }

    @Test
    void theSameSeedGivesAByteIdenticalTrace() {
        Scenario small = ScenarioLoader.builtIn("small");

        String first = digest(small, 42, 240, true);

        assertThat(digest(small, 42, 240, true)).isEqualTo(first);
        assertThat(digest(small, 43, 240, true)).isNotEqualTo(first);
        assertThat(digest(small, 42, 240, false)).isNotEqualTo(first);
    }

    @Test
    void timestampsStartAtTheScenarioEpochAndAdvanceByTheTick() {
        ClusterSimulation sim = ClusterSimulation.create(ScenarioLoader.builtIn("small"), 1);
        long epoch = Instant.parse(Scenario.DEFAULT_START).toEpochMilli();

        assertThat(sim.view().timeMillis()).isEqualTo(epoch);
        TickReport first = sim.advance();
        TickReport second = sim.advance();

        assertThat(first.tick()).isZero();
        assertThat(first.timeMillis()).isEqualTo(epoch + 60_000);
        assertThat(second.timeMillis()).isEqualTo(epoch + 120_000);
        assertThat(sim.view().timeMillis()).isEqualTo(second.timeMillis());
        assertThat(sim.view().tick()).isEqualTo(2);
    }

    @Test
    void theSummaryReportsTheRun() {
        Scenario small = ScenarioLoader.builtIn("small");
        ClusterSimulation sim = ClusterSimulation.create(small, 42);
        while (!sim.finished()) {
            sim.advance();
        }
        AccountingSummary summary = sim.summary();

        assertThat(summary.ticks()).isEqualTo(small.durationTicks());
        assertThat(summary.simulatedHours()).isEqualTo(24.0);
        assertThat(summary.meanUtilization()).isBetween(0.5, 0.95);
        // 32 nodes between idle (180 W) and peak (420 W)
        assertThat(summary.meanPowerWatts()).isBetween(32 * 180.0, 32 * 420.0);
        assertThat(summary.totals().energyKwh()).isCloseTo(summary.meanPowerWatts() * 24 / 1000,
                within(1e-6));
        assertThat(summary.totals().jobsCompleted()).isPositive();
        assertThat(summary.wasteFraction()).isBetween(0.0, 0.2);
    }
}
