package dev.foresight.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What {@link BenchSuite} runs and at which sizes. {@link #defaults()} are the sizes the README's figures come
 * from (about ten minutes on a 2-core machine); {@link #quick()} is a smoke run of every path in about a minute.
 *
 * @param benchmarks        which benchmarks
 * @param kafka             client properties of an external cluster; empty: one embedded broker for the whole run
 * @param workDir           where recordings and state go (deleted afterwards by the suite)
 * @param rawRecords        records produced and consumed by the raw Kafka benchmark
 * @param rawPartitions     partitions of its topic
 * @param streamsNodes      nodes of the Streams throughput input
 * @param streamsTicks      ticks of the Streams throughput input
 * @param streamsPartitions partitions of the Streams throughput topics
 * @param scoringSeconds    seconds of scoring per algorithm and mode
 * @param simulatorSeconds  seconds of ticks per cluster size (after half as much warm-up)
 * @param loopNodes         nodes of the closed-loop cluster
 * @param loopTicks         ticks of each closed-loop run
 * @param loopWarmUpTicks   closed-loop ticks left out of the steady-state rate
 * @param loopPartitions    partitions in the Kafka closed loop (the in-process engine has one)
 * @param latencyNodes      nodes of the realtime cluster
 * @param latencyTicks      ticks of the realtime run
 * @param latencyWarmUpTicks realtime ticks not measured
 * @param latencyPerTick    wall-clock time per tick in the realtime run
 * @param latencyStreamsProperties extra Kafka Streams properties for the realtime run's Streams app (what-if runs;
 *                          empty: ExperimentRunner's settings)
 */
public record BenchOptions(Set<Benchmark> benchmarks, Map<String, Object> kafka, Path workDir,
                           long rawRecords, int rawPartitions,
                           int streamsNodes, int streamsTicks, int streamsPartitions,
                           double scoringSeconds, double simulatorSeconds,
                           int loopNodes, long loopTicks, long loopWarmUpTicks, int loopPartitions,
                           int latencyNodes, long latencyTicks, long latencyWarmUpTicks, Duration latencyPerTick,
                           Map<String, Object> latencyStreamsProperties) {

    /** The benchmarks, in the order they run. */
    public enum Benchmark {
        /** Raw produce and consume on the broker. */
        KAFKA,
        /** Streams pass-through against the full Foresight topology, same input, same run. */
        STREAMS,
        /** Scoring rows/s per predictor algorithm. */
        SCORING,
        /** Cluster model node-ticks/s. */
        SIMULATOR,
        /** Closed loop seconds per simulated day, on Kafka and in-process. */
        LOOP,
        /** Realtime telemetry -> prediction -> command latency. */
        LATENCY
    }

    public BenchOptions {
        benchmarks = benchmarks.isEmpty() ? EnumSet.noneOf(Benchmark.class) : EnumSet.copyOf(benchmarks);
        kafka = Map.copyOf(kafka);
        latencyStreamsProperties = Map.copyOf(latencyStreamsProperties);
        positive("rawRecords", rawRecords);
        positive("rawPartitions", rawPartitions);
        positive("streamsNodes", streamsNodes);
        positive("streamsTicks", streamsTicks);
        positive("streamsPartitions", streamsPartitions);
        positive("loopNodes", loopNodes);
        positive("loopPartitions", loopPartitions);
        positive("latencyNodes", latencyNodes);
        if (loopWarmUpTicks < 0 || loopTicks < loopWarmUpTicks + 2) {
            throw new IllegalArgumentException("loop ticks (" + loopTicks + ") must exceed the warm-up (" + loopWarmUpTicks + ") by at least 2");
        }
        if (latencyWarmUpTicks < 0 || latencyTicks < latencyWarmUpTicks + 2) {
            throw new IllegalArgumentException("latency ticks (" + latencyTicks + ") must exceed the warm-up (" + latencyWarmUpTicks + ") by at least 2");
        }
        if (!(scoringSeconds > 0) || !(simulatorSeconds > 0)) {
            throw new IllegalArgumentException("scoring and simulator seconds must be positive");
        }
        if (latencyPerTick.isNegative() || latencyPerTick.isZero()) {
            throw new IllegalArgumentException("latency tick period must be positive: " + latencyPerTick);
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }

    /** The README's sizes. */
    public static BenchOptions defaults() {
        return new BenchOptions(EnumSet.allOf(Benchmark.class), Map.of(), Path.of(System.getProperty("java.io.tmpdir")),
                2_000_000, 6, 128, 240, 4, 2.0, 10.0, 1024, 130, 10, 4, 1024, 90, 10, Duration.ofSeconds(1), Map.of());
    }

    /** Every path, at small sizes: checks the benchmarks run, not how fast. */
    public static BenchOptions quick() {
        return new BenchOptions(EnumSet.allOf(Benchmark.class), Map.of(), Path.of(System.getProperty("java.io.tmpdir")),
                100_000, 3, 16, 30, 2, 0.2, 0.5, 64, 20, 5, 2, 32, 20, 5, Duration.ofMillis(250), Map.of());
    }

    public BenchOptions withBenchmarks(Set<Benchmark> value) {
        return new BenchOptions(value, kafka, workDir, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withKafka(Map<String, Object> value) {
        return new BenchOptions(benchmarks, value, workDir, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withWorkDir(Path value) {
        return new BenchOptions(benchmarks, kafka, value, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withRaw(long records, int partitions) {
        return new BenchOptions(benchmarks, kafka, workDir, records, partitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withStreams(int nodes, int ticks, int partitions) {
        return new BenchOptions(benchmarks, kafka, workDir, rawRecords, rawPartitions, nodes, ticks, partitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withSeconds(double scoring, double simulator) {
        return new BenchOptions(benchmarks, kafka, workDir, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoring, simulator, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withLoop(int nodes, long ticks, long warmUpTicks, int partitions) {
        return new BenchOptions(benchmarks, kafka, workDir, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, nodes, ticks, warmUpTicks, partitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, latencyStreamsProperties);
    }

    public BenchOptions withLatency(int nodes, long ticks, long warmUpTicks, Duration perTick) {
        return new BenchOptions(benchmarks, kafka, workDir, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, nodes,
                ticks, warmUpTicks, perTick, latencyStreamsProperties);
    }

    public BenchOptions withLatencyStreamsProperties(Map<String, Object> value) {
        return new BenchOptions(benchmarks, kafka, workDir, rawRecords, rawPartitions, streamsNodes, streamsTicks, streamsPartitions,
                scoringSeconds, simulatorSeconds, loopNodes, loopTicks, loopWarmUpTicks, loopPartitions, latencyNodes,
                latencyTicks, latencyWarmUpTicks, latencyPerTick, value);
    }
}
