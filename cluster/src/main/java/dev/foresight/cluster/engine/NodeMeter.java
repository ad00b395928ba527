package dev.foresight.cluster.engine;

import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.cost.PowerModel;
import dev.foresight.cluster.failure.FailureProcess;
import dev.foresight.cluster.failure.Precursors;
import dev.foresight.cluster.telemetry.TelemetryGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * End of tick: works out each node's utilisation and draw, charges the energy, and reads the
 * sensors of every powered, working node.
 */
final class NodeMeter {

    private final ClusterState state;
    private final PowerModel power;
    private final FailureProcess failures;
    private final TelemetryGenerator telemetry;
    private final Accounting accounting;
    private final Precursors precursors = new Precursors();

    /** @param telemetry null when telemetry is disabled */
    NodeMeter(ClusterState state, PowerModel power, FailureProcess failures, TelemetryGenerator telemetry, Accounting accounting) {
        this.state = state;
        this.power = power;
        this.failures = failures;
        this.telemetry = telemetry;
        this.accounting = accounting;
    }

    List<TelemetrySample> run(TickContext ctx) {
        List<TelemetrySample> samples = new ArrayList<>(telemetry == null ? 0 : state.nodes.length);
        double totalWatts = 0;
        int busyCores = 0;
        int powered = 0;
        int quarantined = 0;
        for (Node node : state.nodes) {
            double busy = 0;
            for (Vm vm : node.vms) {
                busy += vm.cores() * vm.job.activity;
            }
            node.cpuUtil = busy / node.cores;
            double watts = power.watts(node.power, node.down(), node.cpuUtil);
            totalWatts += watts;
            busyCores += node.usedCores;
            if (node.reporting()) {
                powered++;
            }
            if (node.quarantined) {
                quarantined++;
            }
            if (telemetry != null) {
                if (node.reporting()) {
                    failures.precursorsAt(node.index, ctx.endSeconds, precursors);
                    samples.add(telemetry.sample(node.index, node.id, ctx.timeMillis, node.cpuUtil,
                            node.usedMemoryMb / (double) node.memoryMb, node.vms.size(), watts, node.netMb / ctx.seconds(),
                            precursors));
                } else {
                    telemetry.dark(node.index);
                }
            }
            node.netMb = 0;
        }
        accounting.powerWatts = totalWatts;
        accounting.energyKwh += totalWatts * ctx.seconds() / 3.6e6;
        accounting.busyCores = busyCores;
        accounting.busyCoreTicks += busyCores;
        accounting.poweredOnNodes = powered;
        accounting.quarantinedNodeSeconds += quarantined * ctx.seconds();
        return samples;
    }
}
