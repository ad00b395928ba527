package dev.foresight.cluster;

import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.NodeView;
import java.util.List;

/**
 * Everything one tick produced, in deterministic order.
 *
 * @param timeMillis end of the tick: every record of the tick carries this timestamp
 * @param telemetry one sample per powered, unfailed node, in node order
 * @param nodeStates every node at the end of the tick, in node order
 * @param outcomes command outcomes in the order they happened: commands applied this tick (and any
 *     applied directly with {@link ClusterSimulation#apply} since the previous tick), then completions
 *     and failures of earlier commands
 */
public record TickReport(
        long tick,
        long timeMillis,
        List<TelemetrySample> telemetry,
        List<NodeEventRecord> events,
        List<NodeView> nodeStates,
        List<CommandOutcome> outcomes,
        AccountingSnapshot accounting) {

    public TickReport {
        telemetry = List.copyOf(telemetry);
        events = List.copyOf(events);
        nodeStates = List.copyOf(nodeStates);
        outcomes = List.copyOf(outcomes);
    }
}
