package dev.foresight.cluster.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.scenario.MigrationSettings;
import org.junit.jupiter.api.Test;

class PreCopyMigrationModelTest {

    private final PreCopyMigrationModel model = new PreCopyMigrationModel(new MigrationSettings(1000, 30, 300, 50));

    @Test
    void roundsShrinkGeometricallyUntilTheRestFitsTheDowntimeTarget() {
        // 10,000 MB at 1,000 MB/s dirtying 100 MB/s: rounds send 10,000 (10 s), 1,000 (1 s), then 100 MB
        // are dirty, which takes 0.1 s <= 0.3 s: stop-and-copy 0.1 s plus 0.05 s switch-over.
        MemoryTransfer t = model.begin(10_000, 100);

        double used = t.advance(600, 1000);

        assertThat(t.done()).isTrue();
        assertThat(t.rounds()).isEqualTo(2);
        assertThat(t.sentMb()).isCloseTo(11_100, within(1e-6));
        assertThat(used).isCloseTo(11.1, within(1e-9));
        assertThat(t.downtimeSeconds()).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void aVmDirtyingFasterThanTheLinkStopsAtTheRoundCapWithALongDowntime() {
        MigrationSettings capped = new MigrationSettings(1000, 5, 300, 50);
        MemoryTransfer t = new PreCopyMigrationModel(capped).begin(8_000, 2_000);

        t.advance(600, 1000);

        assertThat(t.done()).isTrue();
        assertThat(t.rounds()).isEqualTo(5);
        // every round after the first resends all memory (dirtying saturates at the VM size)
        assertThat(t.downtimeSeconds()).isCloseTo(8.05, within(1e-9));
    }

    @Test
    void progressCarriesOverTicksAndHalvingBandwidthDoublesTheTime() {
        MemoryTransfer fast = model.begin(10_000, 0);
        MemoryTransfer slow = model.begin(10_000, 0);

        fast.advance(60, 1000);
        int ticks = 0;
        while (!slow.done()) {
            slow.advance(2, 500);
            ticks++;
        }

        assertThat(fast.done()).isTrue();
        assertThat(ticks).isEqualTo(11); // 20 s of transfer + switch-over: the 11th 2-s step finishes it
        assertThat(slow.sentMb()).isCloseTo(fast.sentMb(), within(1e-6));
    }
}
