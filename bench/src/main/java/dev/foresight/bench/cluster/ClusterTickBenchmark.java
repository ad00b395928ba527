package dev.foresight.bench.cluster;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.scenario.CheckpointSettings;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated node-ticks per second of the cluster model: one operation is one node through one tick
 * (failures, scheduling, job progress, power, telemetry, the tick report), so the JMH score reads
 * directly as node-ticks/s.
 *
 * <p>The cluster is the built-in {@code default} scenario (busy at 80 % offered load, failures,
 * Young checkpointing, telemetry on) scaled to 1,024 and 10,240 nodes, 32 nodes per rack, with shared
 * storage bandwidth scaled in proportion. Each state
 * first runs an hour of simulated time, so the prefilled jobs are placed and the JIT has seen every
 * step. Run with JMH, or through {@link #main} without it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ClusterTickBenchmark {

    static final int SMALL = 1_024;
    static final int LARGE = 10_240;
    static final int WARM_UP_TICKS = 60;

    static ClusterSimulation cluster(int nodes) {
        Scenario base = ScenarioLoader.builtIn("default");
        CheckpointSettings c = base.checkpointing();
        // shared storage grows with the machine; at the 256-node bandwidth a 10,240-node cluster would
        // spend its life queueing for storage (which the model does show, but it is not what we time)
        double storage = c.storageBandwidthMbPerSec() * nodes / base.nodes();
        Scenario scenario = base
                .withNodes(nodes, nodes / 32)
                .withCheckpointing(new CheckpointSettings(c.policy(), c.intervalMinutes(), c.drainSeconds(), storage,
                        c.vmWriteMbPerSec(), c.restartCostFactor()))
                .withDurationTicks(Long.MAX_VALUE / 2);
        ClusterSimulation sim = ClusterSimulation.create(scenario, 1);
        for (int i = 0; i < WARM_UP_TICKS; i++) {
            sim.advance();
        }
        return sim;
    }

    @State(Scope.Benchmark)
    public static class Small {
        ClusterSimulation sim;

        @Setup(Level.Trial)
        public void create() {
            sim = cluster(SMALL);
        }
    }

    @State(Scope.Benchmark)
    public static class Large {
        ClusterSimulation sim;

        @Setup(Level.Trial)
        public void create() {
            sim = cluster(LARGE);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SMALL)
    public TickReport nodes1024(Small state) {
        return state.sim.advance();
    }

    @Benchmark
    @OperationsPerInvocation(LARGE)
    public TickReport nodes10240(Large state) {
        return state.sim.advance();
    }

    /**
     * Without JMH: for each size, warms up for 5 s, then measures {@code seconds} (default 10) of
     * ticks and prints node-ticks/s.
     */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        for (int nodes : new int[] {SMALL, LARGE}) {
            ClusterSimulation sim = cluster(nodes);
            run(sim, 5);
            long[] measured = run(sim, seconds);
            double perSecond = (double) measured[0] * nodes / (measured[1] / 1e9);
            System.out.printf(Locale.ROOT, "%,6d nodes: %,12.0f node-ticks/s (%,d ticks, %.2f ms/tick, %.0f telemetry samples/tick)%n",
                    nodes, perSecond, measured[0], measured[1] / 1e6 / measured[0], measured[2] / (double) measured[0]);
        }
    }

    /**
     * Node-ticks per second of a {@code nodes}-node cluster (the scenario of {@link #cluster(int)}), as
     * {@link #main} measures it: {@code warmUpSeconds} of ticks first, then {@code seconds} timed.
     */
    public static double nodeTicksPerSecond(int nodes, double warmUpSeconds, double seconds) {
        ClusterSimulation sim = cluster(nodes);
        run(sim, warmUpSeconds);
        long[] measured = run(sim, seconds);
        return (double) measured[0] * nodes / (measured[1] / 1e9);
    }

    /** Advances for about {@code seconds} of wall time; returns {ticks, nanoseconds, telemetry samples}. */
    private static long[] run(ClusterSimulation sim, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long ticks = 0;
        long samples = 0;
        while (System.nanoTime() < deadline) {
            samples += sim.advance().telemetry().size();
            ticks++;
        }
        return new long[] {ticks, System.nanoTime() - start, samples};
    }
}
