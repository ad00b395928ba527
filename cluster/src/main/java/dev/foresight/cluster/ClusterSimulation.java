package dev.foresight.cluster;

import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.ClusterView;
import java.util.List;

/** The simulation entry point (implementation in progress). */
public final class ClusterSimulation {

    private ClusterSimulation() {}

    public static ClusterSimulation create(Scenario scenario, long seed) {
        throw new UnsupportedOperationException("in progress");
    }

    public static ClusterSimulation create(Scenario scenario, long seed, FailureTrace trace) {
        throw new UnsupportedOperationException("in progress");
    }

    public TickReport advance() {
        throw new UnsupportedOperationException("in progress");
    }

    public void submit(ClusterCommand command, long applyAtTick) {
        throw new UnsupportedOperationException("in progress");
    }

    public CommandOutcome apply(ClusterCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    public ClusterView view() {
        throw new UnsupportedOperationException("in progress");
    }

    public long tick() {
        throw new UnsupportedOperationException("in progress");
    }

    public boolean finished() {
        throw new UnsupportedOperationException("in progress");
    }

    public List<FailureForecast> upcomingFailures(long horizonTicks) {
        throw new UnsupportedOperationException("in progress");
    }

    public AccountingSummary summary() {
        throw new UnsupportedOperationException("in progress");
    }
}
