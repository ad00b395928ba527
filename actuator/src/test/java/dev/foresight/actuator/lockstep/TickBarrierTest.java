package dev.foresight.actuator.lockstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.actuator.lockstep.TickBarrier.Partition;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TickBarrierTest {

    private static final Partition P0 = new Partition("predictions", 0);
    private static final Partition P1 = new Partition("predictions", 1);
    private static final Partition S0 = new Partition("state", 0);

    private static TickBarrier<String> barrier() {
        TickBarrier<String> barrier = new TickBarrier<>();
        barrier.gate("predictions", 2);
        barrier.gate("state", 1);
        return barrier;
    }

    @Test
    void waitsForEveryPartitionOfEveryTopic() {
        TickBarrier<String> barrier = barrier();
        barrier.add(P0, 10, "p0@0");
        barrier.addMarker(P0, 11, 0, 2, 1000);
        barrier.add(S0, 5, "s0@0");
        barrier.addMarker(S0, 6, 0, 1, 1000);
        assertThat(barrier.readyTick()).isEmpty();

        barrier.addMarker(P1, 3, 0, 2, 1000);
        barrier.add(P0, 12, "p0@1");

        assertThat(barrier.readyTick()).hasValue(0);
        var release = barrier.release(0);
        assertThat(release.records()).containsExactly("p0@0", "s0@0");
        assertThat(release.nextOffsets()).isEqualTo(Map.of(P0, 12L, P1, 4L, S0, 7L));
        assertThat(release.markerTimeMillis()).isEqualTo(1000);
        assertThat(barrier.readyTick()).as("p0@1 waits for tick 1's markers").isEmpty();
        assertThat(barrier.held()).isEqualTo(1);
    }

    @Test
    void releasesTicksInOrderWhenSeveralAreComplete() {
        TickBarrier<String> barrier = barrier();
        for (long tick = 0; tick < 2; tick++) {
            barrier.add(P0, 10 * tick, "p@" + tick);
            barrier.addMarker(P0, 10 * tick + 1, tick, 2, tick);
            barrier.addMarker(P1, 10 * tick + 1, tick, 2, tick);
            barrier.addMarker(S0, 10 * tick + 1, tick, 1, tick);
        }

        assertThat(barrier.release(barrier.readyTick().getAsLong()).records()).containsExactly("p@0");
        assertThat(barrier.readyTick()).hasValue(1);
        assertThat(barrier.release(1).records()).containsExactly("p@1");
    }

    @Test
    void aPartitionThatSkippedATickReleasesNothingForIt() {
        TickBarrier<String> barrier = barrier();
        barrier.addMarker(P0, 1, 4, 2, 0);
        barrier.addMarker(P1, 1, 5, 2, 0);
        barrier.add(P1, 2, "late");
        barrier.addMarker(S0, 1, 4, 1, 0);

        assertThat(barrier.readyTick()).hasValue(4);
        var release = barrier.release(4);
        assertThat(release.nextOffsets()).containsOnlyKeys(P0, S0);
        assertThat(barrier.held()).isEqualTo(2);
    }

    @Test
    void refusesMarkersThatCountPartitionsDifferently() {
        TickBarrier<String> barrier = barrier();

        assertThatThrownBy(() -> barrier.addMarker(P0, 7, 3, 4, 0))
                .hasMessageContaining("predictions-0 offset 7 counts 4 partitions, but topic predictions has 2");
        assertThatThrownBy(() -> barrier.add(new Partition("other", 0), 1, "x")).hasMessageContaining("not gated");
    }
}
