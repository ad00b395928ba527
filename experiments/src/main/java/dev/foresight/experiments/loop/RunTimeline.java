package dev.foresight.experiments.loop;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.TickReport;
import dev.foresight.producers.sim.SimulationDriver;
import java.util.ArrayList;
import java.util.List;

/** Keeps every tick's accounting for the report's timeline charts. */
public final class RunTimeline implements SimulationDriver.TickListener {

    private final List<AccountingSnapshot> snapshots = new ArrayList<>();

    @Override
    public void onTick(TickReport report) {
        snapshots.add(report.accounting());
    }

    public List<AccountingSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
