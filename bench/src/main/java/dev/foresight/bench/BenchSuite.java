package dev.foresight.bench;

import dev.foresight.bench.BenchOptions.Benchmark;
import dev.foresight.bench.cluster.ClusterTickBenchmark;
import dev.foresight.bench.kafka.RawKafkaBenchmark;
import dev.foresight.bench.loop.BenchScenarios;
import dev.foresight.bench.loop.ClosedLoopBenchmark;
import dev.foresight.bench.loop.RealtimeLatencyBenchmark;
import dev.foresight.bench.predictor.PredictorScoringBenchmark;
import dev.foresight.bench.streams.StreamsThroughputBenchmark;
import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.experiments.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end benchmarks behind {@code foresight bench}: each measures one path against the physical limit
 * under it (raw Kafka under Streams, a pass-through topology under the full one, the in-process engine under the
 * Kafka loop), on one broker, in one run, so that the ratios are taken under the same load. Benchmarks run one
 * after another; one that fails is reported as such and the others still run.
 *
 * <p>Micro paths (scoring, cluster ticks) also have JMH benchmarks in this module; the suite runs their
 * plain-Java timers, which take seconds rather than minutes.
 */
public final class BenchSuite {

    /** The figures, and whether any benchmark failed. */
    public record Outcome(List<Figure> figures, boolean failed) {}

    private final BenchOptions options;
    private final Consumer<String> progress;
    private final String runId = "bench" + Long.toString(System.currentTimeMillis(), 36);

    public BenchSuite(BenchOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public Outcome run() throws IOException {
        List<Figure> figures = new ArrayList<>();
        boolean failed = false;
        Path work = Files.createTempDirectory(Files.createDirectories(options.workDir()), "foresight-bench-");
        EmbeddedKafkaBroker broker = null;
        try {
            Map<String, Object> kafka = options.kafka();
            boolean needsKafka = options.benchmarks().stream().anyMatch(b -> b != Benchmark.SCORING && b != Benchmark.SIMULATOR);
            if (kafka.isEmpty() && needsKafka) {
                progress.accept("starting the embedded broker");
                broker = EmbeddedKafkaBroker.start(dev.foresight.broker.BrokerSettings.defaults().withDataDir(work.resolve("kafka")));
                kafka = broker.clientProperties();
            }
            for (Benchmark benchmark : options.benchmarks()) {
                progress.accept("running " + benchmark.name().toLowerCase(Locale.ROOT));
                long started = System.nanoTime();
                try {
                    figures.addAll(run(benchmark, kafka, work));
                } catch (Exception | LinkageError e) {
                    failed = true;
                    figures.add(new Figure(benchmark.name().toLowerCase(Locale.ROOT), "FAILED", Double.NaN, "", "", false,
                            e.toString()));
                    progress.accept(benchmark.name().toLowerCase(Locale.ROOT) + " failed: " + e);
                }
                progress.accept(String.format(Locale.ROOT, "%s done in %.0f s", benchmark.name().toLowerCase(Locale.ROOT),
                        (System.nanoTime() - started) / 1e9));
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            deleteRecursively(work);
        }
        return new Outcome(figures, failed);
    }

    private List<Figure> run(Benchmark benchmark, Map<String, Object> kafka, Path work) throws Exception {
        return switch (benchmark) {
            case KAFKA -> kafka(kafka);
            case STREAMS -> streams(kafka);
            case SCORING -> scoring();
            case SIMULATOR -> simulator();
            case LOOP -> loop(kafka, work);
            case LATENCY -> latency(kafka);
        };
    }

    private List<Figure> kafka(Map<String, Object> kafka) throws Exception {
        RawKafkaBenchmark.Result r = RawKafkaBenchmark.run(kafka, runId + ".raw", options.rawRecords(), options.rawPartitions());
        String how = String.format(Locale.ROOT, "%,d records of %d B (NodeTelemetry Avro), %d partitions, acks=all, linger 20 ms, 256 KiB batches, lz4",
                r.records(), r.valueBytes(), r.partitions());
        return List.of(Figure.of("kafka", "produce", r.producePerSecond(), "records/s", how),
                Figure.of("kafka", "consume", r.consumePerSecond(), "records/s", how));
    }

    private List<Figure> streams(Map<String, Object> kafka) throws Exception {
        StreamsThroughputBenchmark.Report r = StreamsThroughputBenchmark.run(kafka, runId + ".streams.",
                options.streamsNodes(), options.streamsTicks(), options.streamsPartitions());
        String how = String.format(Locale.ROOT, "%,d input records (%d nodes x %d ticks, markers included), %d partitions, exactly-once, 1 thread",
                r.inputRecords(), options.streamsNodes(), options.streamsTicks(), options.streamsPartitions());
        return List.of(
                Figure.of("streams", "pass-through (decode + project)", r.passThrough().perSecond(), "records/s", how),
                Figure.of("streams", "full topology (features, labels, training, scoring)", r.foresight().perSecond(), "records/s", how),
                Figure.atLeast("streams", "full topology / pass-through", r.ratio(), "x", 0.6, "same input, same broker, same run"));
    }

    private List<Figure> scoring() {
        List<Figure> figures = new ArrayList<>();
        for (PredictorScoringBenchmark.Result r : PredictorScoringBenchmark.measure(options.scoringSeconds())) {
            String algorithm = r.algorithm().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            String how = String.format(Locale.ROOT, "78 features; fit %.2f s on 10,000 rows, model %,d B", r.fitSeconds(), r.modelBytes());
            figures.add(Figure.of("scoring", algorithm + ", one row at a time", r.singleRowsPerSecond(), "rows/s", how));
            figures.add(Figure.of("scoring", algorithm + ", batches of 4,096", r.batchRowsPerSecond(), "rows/s", how));
        }
        return figures;
    }

    private List<Figure> simulator() {
        List<Figure> figures = new ArrayList<>();
        for (int nodes : new int[] {1_024, 10_240}) {
            double rate = ClusterTickBenchmark.nodeTicksPerSecond(nodes, options.simulatorSeconds() / 2, options.simulatorSeconds());
            figures.add(Figure.of("simulator", String.format(Locale.ROOT, "%,d nodes", nodes), rate, "node-ticks/s",
                    "built-in default scenario scaled (80 % load, failures, checkpoints, telemetry), single thread"));
        }
        return figures;
    }

    private List<Figure> loop(Map<String, Object> kafka, Path work) throws Exception {
        ClosedLoopBenchmark.EngineRun onKafka = ClosedLoopBenchmark.run(Engine.KAFKA, kafka, options.loopNodes(),
                options.loopTicks(), options.loopWarmUpTicks(), options.loopPartitions(), work.resolve("loop-kafka"));
        ClosedLoopBenchmark.EngineRun inProcess = ClosedLoopBenchmark.run(Engine.INPROCESS, Map.of(), options.loopNodes(),
                options.loopTicks(), options.loopWarmUpTicks(), 1, work.resolve("loop-inprocess"));
        double kafkaDay = onKafka.secondsPerSimulatedDay();
        double inProcessDay = inProcess.secondsPerSimulatedDay();
        String scaled = String.format(Locale.ROOT, "extrapolated from %d ticks per engine", options.loopTicks() - 1 - options.loopWarmUpTicks());
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("closed loop", "kafka engine", kafkaDay, "s/simulated day", onKafka.describe() + ", " + options.loopPartitions() + " partitions"));
        figures.add(Figure.of("closed loop", "in-process engine", inProcessDay, "s/simulated day", inProcess.describe()));
        figures.add(Figure.atLeast("closed loop", "in-process speed-up (kafka s/day / in-process s/day)", kafkaDay / inProcessDay, "x", 5,
                "same scenario, seed and policy, one run"));
        figures.add(Figure.atMost("closed loop", String.format(Locale.ROOT, "%,d nodes x 30 days through Kafka", options.loopNodes()),
                kafkaDay * 30, "s", 600, scaled + (options.loopNodes() == 1024 ? "" : " (target is for 1,024 nodes)")));
        return figures;
    }

    private List<Figure> latency(Map<String, Object> kafka) throws Exception {
        RealtimeLatencyBenchmark.Result r = RealtimeLatencyBenchmark.run(kafka, runId + ".latency.",
                BenchScenarios.scaledDefault(options.latencyNodes(), options.latencyTicks()), options.latencyPerTick(),
                options.latencyWarmUpTicks(), options.loopPartitions(), options.latencyStreamsProperties());
        Histogram prediction = r.toPrediction();
        Histogram command = r.toCommand();
        String how = r.describe() + ", " + options.loopPartitions() + " partitions"
                + (options.latencyStreamsProperties().isEmpty() ? "" : ", Streams " + options.latencyStreamsProperties());
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of("realtime", "telemetry -> prediction p50", r.p50Millis(prediction), "ms", how),
                Figure.of("realtime", "telemetry -> prediction p99", r.p99Millis(prediction), "ms", how),
                Figure.of("realtime", "telemetry -> command p50", r.p50Millis(command), "ms", how),
                new Figure("realtime", "telemetry -> command p99", r.p99Millis(command), "ms", "< 100",
                        r.p99Millis(command) < 100, how),
                Figure.of("realtime", "telemetry -> command max", r.maxMillis(command), "ms", how),
                Figure.of("realtime", "telemetry -> command p99, ticks without a model fit", r.p99Millis(r.toCommandBetweenTrainings()), "ms",
                        r.toCommandBetweenTrainings().getTotalCount() + " ticks: training ticks k (the fit runs on a stream thread) and ticks k+D (their model gate) left out")));
        // where the time goes: the same ticks, split at the three hand-offs
        addStage(figures, r, "simulator publish transaction (start -> commit returned)", r.stages().simulatorCommit());
        addStage(figures, r, "streams (telemetry committed -> prediction markers visible)", r.stages().streams());
        addStage(figures, r, "actuator (prediction markers -> command markers visible)", r.stages().actuator());
        return figures;
    }

    private static void addStage(List<Figure> figures, RealtimeLatencyBenchmark.Result r, String stage, Histogram h) {
        String ticks = h.getTotalCount() + " ticks";
        figures.add(Figure.of("realtime", stage + " p50", r.p50Millis(h), "ms", ticks));
        figures.add(Figure.of("realtime", stage + " p99", r.p99Millis(h), "ms", ticks));
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
