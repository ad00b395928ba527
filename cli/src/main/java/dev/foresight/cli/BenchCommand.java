package dev.foresight.cli;

import dev.foresight.bench.BenchOptions;
import dev.foresight.bench.BenchOptions.Benchmark;
import dev.foresight.bench.BenchSuite;
import dev.foresight.bench.BenchTable;
import dev.foresight.bench.Figure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code foresight bench}: the end-to-end benchmarks of the {@code bench} module (raw Kafka, Streams pass-through
 * against the full topology, scoring per model, simulator, closed loop on both engines, realtime latency), one
 * after another on one embedded broker, printed as a table with the targets they are held against.
 *
 * <p>The benchmark code lives in {@code bench}, which this module depends on: the fat jar carries it, JMH and
 * the JMH benchmark list too, so {@code java -cp foresight.jar org.openjdk.jmh.Main} runs the micro benchmarks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the pipeline end to end and print a table of figures against their targets.",
            "Every figure of one run shares one broker and one machine load: compare ratios, not absolute figures across runs."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--only", split = ",", paramLabel = "BENCH",
            description = "Run only these: kafka, streams, scoring, simulator, loop, latency (default: all).")
    List<Benchmark> only;

    @Option(names = "--quick", description = "Small sizes everywhere: checks that every benchmark runs (about a minute), figures are not meaningful.")
    boolean quick;

    @Option(names = "--records", paramLabel = "N", description = "Records of the raw Kafka benchmark (default 2,000,000).")
    Long records;

    @Option(names = "--streams-nodes", paramLabel = "N", description = "Nodes of the Streams throughput input (default 128).")
    Integer streamsNodes;

    @Option(names = "--streams-ticks", paramLabel = "N", description = "Ticks of the Streams throughput input (default 240).")
    Integer streamsTicks;

    @Option(names = "--loop-nodes", paramLabel = "N", description = "Nodes of the closed-loop cluster (default 1,024).")
    Integer loopNodes;

    @Option(names = "--loop-ticks", paramLabel = "N", description = "Ticks of each closed-loop run (default 130; the first 10 are warm-up).")
    Long loopTicks;

    @Option(names = "--latency-nodes", paramLabel = "N", description = "Nodes of the realtime cluster (default 1,024).")
    Integer latencyNodes;

    @Option(names = "--latency-ticks", paramLabel = "N", description = "Ticks of the realtime run (default 90; the first 10 are warm-up).")
    Long latencyTicks;

    @Option(names = "--tick-millis", paramLabel = "MS", description = "Wall-clock milliseconds per tick in the realtime run (default 1000).")
    Long tickMillis;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the closed-loop and realtime topics (default 4).")
    Integer partitions;

    @Option(names = "--streams-property", paramLabel = "KEY=VALUE",
            description = "Extra Kafka Streams property for the realtime benchmark's Streams app, for what-if runs (e.g. poll.ms=5); repeatable.")
    Map<String, String> streamsProperties;

    @Option(names = "--markdown", description = "Print the table as Markdown (as in the README).")
    boolean markdown;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where broker data, state and recordings go while it runs (default: the temp directory); deleted at the end.")
    Path workDir;

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Override
    public Integer call() throws Exception {
        BenchOptions options = options();
        BenchSuite.Outcome outcome = new BenchSuite(options, line -> System.err.println("bench: " + line)).run();
        List<Figure> figures = outcome.figures();
        System.out.print(markdown ? BenchTable.markdown(figures) : BenchTable.text(figures));
        long missed = figures.stream().filter(f -> Boolean.FALSE.equals(f.met()) && !Double.isNaN(f.value())).count();
        if (missed > 0) {
            System.out.printf(Locale.ROOT, "%d figure(s) miss their target.%n", missed);
        }
        return outcome.failed() ? 1 : 0;
    }

    BenchOptions options() {
        BenchOptions base = quick ? BenchOptions.quick() : BenchOptions.defaults();
        if (only != null && !only.isEmpty()) {
            base = base.withBenchmarks(EnumSet.copyOf(only));
        }
        if (kafka.external()) {
            base = base.withKafka(kafka.clientProperties());
        } else {
            base = base.withKafka(Map.of());
        }
        if (workDir != null) {
            base = base.withWorkDir(workDir);
        }
        if (records != null) {
            base = base.withRaw(records, base.rawPartitions());
        }
        if (streamsNodes != null || streamsTicks != null) {
            base = base.withStreams(streamsNodes != null ? streamsNodes : base.streamsNodes(),
                    streamsTicks != null ? streamsTicks : base.streamsTicks(), base.streamsPartitions());
        }
        if (loopNodes != null || loopTicks != null || partitions != null) {
            base = base.withLoop(loopNodes != null ? loopNodes : base.loopNodes(), loopTicks != null ? loopTicks : base.loopTicks(),
                    base.loopWarmUpTicks(), partitions != null ? partitions : base.loopPartitions());
        }
        if (latencyNodes != null || latencyTicks != null || tickMillis != null) {
            base = base.withLatency(latencyNodes != null ? latencyNodes : base.latencyNodes(),
                    latencyTicks != null ? latencyTicks : base.latencyTicks(), base.latencyWarmUpTicks(),
                    tickMillis != null ? Duration.ofMillis(tickMillis) : base.latencyPerTick());
        }
        if (streamsProperties != null && !streamsProperties.isEmpty()) {
            base = base.withLatencyStreamsProperties(Map.copyOf(streamsProperties));
        }
        return base;
    }
}
