package dev.foresight.streams.support;

import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small simulated cluster whose failures announce themselves: the streams tests' input. A pure function
 * of the seed.
 *
 * <p>Every node samples once per tick: CPU temperature, fan speed, CPU utilisation and a corrected-ECC
 * counter. A node fails after a geometric number of ticks; for {@code degradation} ticks before a failure its
 * temperature climbs and its ECC counter races. A failed node sends no telemetry until it is repaired,
 * {@code downTicks} later.
 */
public final class Fleet {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /** One tick's worth of input. */
    public record Tick(long tick, Instant time, List<NodeTelemetry> telemetry, List<NodeEvent> events) {
    }

    private final List<Tick> ticks;

    private Fleet(List<Tick> ticks) {
        this.ticks = List.copyOf(ticks);
    }

    /**
     * @param seed              the seed of every random draw
     * @param nodes             how many nodes
     * @param tickCount         how many ticks, numbered from 0
     * @param tickLength        simulated time per tick
     * @param meanTicksToFailure mean healthy ticks between failures of one node
     */
    public static Fleet generate(long seed, int nodes, int tickCount, Duration tickLength, int meanTicksToFailure) {
        SplittableRandom random = new SplittableRandom(seed);
        int degradation = 8;
        int downTicks = 4;
        long[] failAt = new long[nodes];
        long[] repairAt = new long[nodes];
        double[] ecc = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            failAt[n] = degradation + nextGap(random, meanTicksToFailure);
            repairAt[n] = -1;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t < tickCount; t++) {
            Instant time = START.plus(tickLength.multipliedBy(t));
            List<NodeTelemetry> telemetry = new ArrayList<>();
            List<NodeEvent> events = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                String node = nodeId(n);
                if (t == failAt[n]) {
                    events.add(new NodeEvent(node, time, (long) t, NodeEventType.FAILED, "synthetic", null));
                    repairAt[n] = t + downTicks;
                    continue;
                }
                if (t == repairAt[n]) {
                    events.add(new NodeEvent(node, time, (long) t, NodeEventType.REPAIRED, null, null));
                    repairAt[n] = -1;
                    failAt[n] = t + degradation + nextGap(random, meanTicksToFailure);
                }
                if (repairAt[n] >= 0) {
                    continue; // down: no telemetry
                }
                long untilFailure = failAt[n] - t;
                boolean degrading = untilFailure <= degradation;
                double drift = degrading ? (degradation - untilFailure + 1) : 0;
                ecc[n] += degrading ? 5 + random.nextInt(10) : (random.nextInt(20) == 0 ? 1 : 0);
                Map<String, Double> metrics = new TreeMap<>();
                metrics.put("temp_cpu_c", round(55 + random.nextDouble() * 4 + 2.5 * drift));
                metrics.put("fan_rpm", round(3000 + random.nextDouble() * 200 + 60 * drift));
                metrics.put("cpu_util", round(random.nextDouble()));
                metrics.put("ecc_correctable_total", ecc[n]);
                telemetry.add(new NodeTelemetry(node, time, (long) t, metrics, "fleet"));
            }
            ticks.add(new Tick(t, time, telemetry, events));
        }
        return new Fleet(ticks);
    }

    public static String nodeId(int index) {
        return String.format(Locale.ROOT, "node-%04d", index);
    }

    public List<Tick> ticks() {
        return ticks;
    }

    public int failures() {
        return (int) ticks.stream().flatMap(t -> t.events().stream())
                .filter(e -> e.getType() == NodeEventType.FAILED).count();
    }

    private static long nextGap(SplittableRandom random, int mean) {
        return 1 + (long) Math.floor(-Math.log(1 - random.nextDouble()) * mean);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
