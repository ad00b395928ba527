package dev.foresight.cluster.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.schedule.EasyBackfillScheduler.Placement;
import dev.foresight.cluster.schedule.EasyBackfillScheduler.Release;
import dev.foresight.cluster.schedule.EasyBackfillScheduler.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class EasyBackfillSchedulerTest {

    /** Four 8-core nodes with the given free cores; memory never binds. */
    private static CapacityLedger ledger(int... freeCores) {
        CapacityLedger ledger = new CapacityLedger(freeCores.length);
        for (int n = 0; n < freeCores.length; n++) {
            ledger.set(n, true, freeCores[n], 1_000_000);
        }
        return ledger;
    }

    private static Request job(int vms, int cores, double runtime) {
        return new Request(vms, cores, 1000, runtime);
    }

    @Test
    void firstFitPacksVmsOntoTheLowestNodes() {
        CapacityLedger ledger = ledger(8, 8, 8, 8);

        List<Placement> placed = new EasyBackfillScheduler(true, 10).schedule(0, ledger, List.of(job(3, 4, 100)), List::of);

        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).nodes()).containsExactly(0, 0, 1);
        assertThat(ledger.freeCores(1)).isEqualTo(4);
    }

    @Test
    void aShortJobBackfillsAheadOfABlockedHeadButALongOneDoesNot() {
        // nodes 0-1 busy until t=100; the head needs all four nodes
        List<Release> running = List.of(new Release(100, 0, 8, 1000), new Release(100, 1, 8, 1000));
        List<Request> queue = List.of(job(4, 8, 500), job(1, 8, 50), job(1, 8, 5000));

        List<Placement> placed = new EasyBackfillScheduler(true, 10).schedule(0, ledger(0, 0, 8, 8), queue, () -> running);

        assertThat(placed).extracting(Placement::requestIndex).containsExactly(1);
    }

    @Test
    void aLongJobMayBackfillOnlyIntoCapacityTheHeadDoesNotNeedAtItsShadowTime() {
        // the head needs three nodes; at t=100 nodes 0 and 1 free up, so one node is spare then
        List<Release> running = List.of(new Release(100, 0, 8, 1000), new Release(100, 1, 8, 1000));
        List<Request> queue = List.of(job(3, 8, 500), job(1, 8, 5000), job(1, 8, 5000));

        List<Placement> placed = new EasyBackfillScheduler(true, 10).schedule(0, ledger(0, 0, 8, 8), queue, () -> running);

        // the first long job takes the spare node; the second would push the head back
        assertThat(placed).extracting(Placement::requestIndex).containsExactly(1);
        assertThat(placed.get(0).nodes()).containsExactly(2);
    }

    @Test
    void withoutBackfillTheQueueStopsAtTheFirstBlockedJob() {
        List<Request> queue = List.of(job(4, 8, 500), job(1, 8, 50));

        List<Placement> placed = new EasyBackfillScheduler(false, 10).schedule(0, ledger(0, 0, 8, 8), queue, List::of);

        assertThat(placed).isEmpty();
    }

    @Test
    void aHeadThatCanNeverFitDoesNotBlockOthers() {
        List<Request> queue = List.of(job(8, 8, 500), job(1, 8, 5000));

        List<Placement> placed = new EasyBackfillScheduler(true, 10).schedule(0, ledger(8, 8, 8, 8), queue, List::of);

        assertThat(placed).extracting(Placement::requestIndex).containsExactly(1);
    }

    @Test
    void unusableNodesNeverOfferCapacity() {
        CapacityLedger ledger = ledger(8, 8);
        ledger.set(0, false, 8, 1_000_000);
        ledger.give(0, 8, 1000);

        assertThat(ledger.firstFit(1, 8, 1000)).containsExactly(1);
        assertThat(ledger.slots(0, 1, 1)).isZero();
    }
}
