package dev.foresight.actuator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.actuator.ClusterFixture;
import dev.foresight.actuator.settings.ActuatorSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each formula of {@link ActionEconomics} on figures worked out by hand. */
class ActionEconomicsTest {

    private static final double EPS = 1e-9;

    @Test
    void aCheckpointWeighsTheWorkItProtectsAgainstTheJobPausedForItsDuration() {
        // 64 cores for an hour since the last checkpoint: W = 230,400 core-s; C = 40 s on 64 cores
        Economics e = ActionEconomics.checkpoint(0.3, 64 * 3600, 40, 64);

        assertThat(e.expectedGain()).isCloseTo(69_120, within(EPS));
        assertThat(e.cost()).isCloseTo(2_560, within(EPS));
        assertThat(e.pays()).isTrue();
        assertThat(ActionEconomics.checkpoint(0.01, 64 * 60, 40, 64).pays()).as("38 core-s at risk, 2,560 to protect it").isFalse();
    }

    @Test
    void aMigrationCostsTheWholeJobsStallForEachVmsDowntime() {
        Economics e = ActionEconomics.migration(0.3, 64 * 3600, 2, 0.35, 64);

        assertThat(e.expectedGain()).isCloseTo(69_120, within(EPS));
        assertThat(e.cost()).as("2 VMs x 0.35 s x 64 cores").isCloseTo(44.8, within(EPS));
    }

    @Test
    void aQuarantinePaysOnlyWhenAFailureIsMoreLikelyThanTwoInThree() {
        // K = 32 cores, u = 0.75, H = 3600 s: the capacity at stake is 86,400 core-s
        Economics weak = ActionEconomics.quarantine(0.5, 3600, 32, 0.75);
        Economics strong = ActionEconomics.quarantine(0.8, 3600, 32, 0.75);
        Economics even = ActionEconomics.quarantine(2.0 / 3, 3600, 32, 0.75);

        assertThat(weak.expectedGain()).isCloseTo(21_600, within(EPS));
        assertThat(weak.cost()).isCloseTo(43_200, within(EPS));
        assertThat(weak.pays()).isFalse();
        assertThat(strong.expectedGain()).isCloseTo(34_560, within(EPS));
        assertThat(strong.cost()).isCloseTo(17_280, within(1e-6));
        assertThat(strong.pays()).isTrue();
        assertThat(even.net()).isCloseTo(0, within(1e-6));
    }

    @Test
    void withCertaintyEveryActionCheaperThanTheWorkAtRiskPays() {
        assertThat(ActionEconomics.quarantine(1.0, 3600, 32, 0.5).cost()).isZero();
        assertThat(ActionEconomics.quarantine(1.0, 3600, 32, 0.5).pays()).isTrue();
        assertThat(ActionEconomics.checkpoint(1.0, 2_561, 40, 64).pays()).isTrue();
        assertThat(ActionEconomics.checkpoint(1.0, 2_560, 40, 64).pays()).as("saving exactly the cost is no gain").isFalse();
        assertThat(ActionEconomics.migration(1.0, 0, 1, 0.35, 8).pays()).as("nothing at risk, nothing to save").isFalse();
        assertThat(ActionEconomics.quarantine(1.0, 3600, 32, 0.0).pays()).as("no demand: nothing would land there").isFalse();
    }

    @Test
    void aReleaseIsWorthWhatKeepingTheQuarantineWouldCost() {
        Economics release = ActionEconomics.release(0.1, 3600, 32, 0.75);

        assertThat(release.expectedGain()).isCloseTo(0.9 * 86_400, within(1e-6));
        assertThat(release.cost()).isCloseTo(0.1 * 86_400 / 2, within(1e-6));
    }

    @Test
    void atYoungDalysIntervalAPeriodicCheckpointSavesAboutTwiceItsCost() {
        // M' = 100 h, C = 50 s: T = sqrt(2 x 360,000 x 50) = 6,000 s; an 8-core job that ran all of it
        double interval = CheckpointInterval.youngDaly(360_000, 50);
        Economics e = ActionEconomics.periodicCheckpoint(interval, 360_000, 8 * interval, 50, 8);

        assertThat(interval).isCloseTo(6_000, within(1e-9));
        assertThat(e.expectedGain()).isCloseTo((1 - Math.exp(-1.0 / 60)) * 48_000, within(1e-9));
        assertThat(e.cost()).isCloseTo(400, within(EPS));
        assertThat(e.expectedGain() / e.cost()).isCloseTo(1.98, within(0.01));
    }

    @Test
    void workAtRiskCountsEveryVmOfTheJobSinceItsWorkWasLastSafe() {
        // job j: 4 + 8 cores on two nodes, last checkpoint seen at tick 10, now tick 40 (60-s ticks)
        var view = ClusterFixture.nodes(4, 2, 16, 65_536)
                .vm("n0", "j-0", "j", 4, 4096).vm("n2", "j-1", "j", 8, 4096)
                .job(ClusterFixture.running("j", List.of("j-0", "j-1"), 10, 30))
                .view(40);
        var settings = ActuatorSettings.defaults();

        assertThat(ActionEconomics.workAtRisk("j", Contexts.of(view, settings))).isCloseTo(12 * 30 * 60, within(EPS));
        var ordered = new OperationsViewStub().checkpointOrdered("j", 35);
        assertThat(ActionEconomics.workAtRisk("j", Contexts.of(view, settings, ordered)))
                .as("a checkpoint this actuator ordered for tick 35").isCloseTo(12 * 5 * 60, within(EPS));
        var justOrdered = new OperationsViewStub().checkpointOrdered("j", 42);
        assertThat(ActionEconomics.workAtRisk("j", Contexts.of(view, settings, justOrdered))).isZero();
    }

    @Test
    void demandShareCountsUsedAndQueuedCoresOverUsableNodes() {
        // usable: n0, n1, n2 (n3 quarantined) = 48 cores; used 4 + 8 on them, 16 on n3; queued 2 x 4
        var view = ClusterFixture.nodes(4, 2, 16, 65_536)
                .vm("n0", "a", "a", 4, 4096).vm("n1", "b", "b", 8, 4096).vm("n3", "c", "c", 16, 4096)
                .quarantined("n3", true)
                .job(ClusterFixture.queued("q", 0, 2, 4, 4096))
                .view(5);

        assertThat(ActionEconomics.demandShare(Contexts.of(view, ActuatorSettings.defaults()))).isCloseTo(20.0 / 48, within(EPS));
    }
}
