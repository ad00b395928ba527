package dev.foresight.bench.loop;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.cluster.scenario.CheckpointSettings;

/** The clusters the end-to-end benchmarks run. */
public final class BenchScenarios {

    private BenchScenarios() {}

    /**
     * The built-in {@code default} scenario (busy at 80 % offered load, Weibull failures with precursors, Young
     * checkpointing, telemetry on) scaled to {@code nodes} nodes, 32 per rack, with shared storage bandwidth
     * scaled in proportion (as the cluster tick benchmark does), for {@code ticks} ticks.
     */
    public static Scenario scaledDefault(int nodes, long ticks) {
        Scenario base = ScenarioLoader.builtIn("default");
        CheckpointSettings c = base.checkpointing();
        double storage = c.storageBandwidthMbPerSec() * nodes / base.nodes();
        return base.withName("default-" + nodes)
                .withNodes(nodes, Math.max(1, nodes / 32))
                .withCheckpointing(new CheckpointSettings(c.policy(), c.intervalMinutes(), c.drainSeconds(), storage,
                        c.vmWriteMbPerSec(), c.restartCostFactor()))
                .withDurationTicks(ticks);
    }
}
