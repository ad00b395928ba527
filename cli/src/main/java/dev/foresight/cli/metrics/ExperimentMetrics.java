package dev.foresight.cli.metrics;

import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.ExperimentListener;

/** Feeds {@link SimulationMeters} from the experiment runner: one set of cluster gauges per run label. */
public final class ExperimentMetrics implements ExperimentListener {

    private final SimulationMeters meters;

    public ExperimentMetrics(SimulationMeters meters) {
        this.meters = meters;
    }

    @Override
    public void onTick(String label, TickReport report) {
        try {
            meters.onTick(label, report);
        } catch (RuntimeException e) {
            // a listener never throws into the simulator; a missed tick only delays a gauge
        }
    }
}
