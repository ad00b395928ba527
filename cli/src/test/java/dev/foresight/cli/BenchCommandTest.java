package dev.foresight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.bench.BenchOptions;
import dev.foresight.bench.BenchOptions.Benchmark;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    /** Parses the arguments the way {@code foresight bench} does and returns the options it would run with. */
    private static BenchOptions parse(String... args) {
        CommandLine root = ForesightCommand.commandLine();
        CommandLine.ParseResult parsed = root.parseArgs(args);
        BenchCommand bench = parsed.subcommand().commandSpec().commandLine().getCommand();
        return bench.options();
    }

    @Test
    void defaultsAreTheReadmeSizes() {
        BenchOptions options = parse("bench");
        assertThat(options.benchmarks()).containsExactly(Benchmark.values());
        assertThat(options.rawRecords()).isEqualTo(2_000_000);
        assertThat(options.loopNodes()).isEqualTo(1024);
        assertThat(options.latencyNodes()).isEqualTo(1024);
        assertThat(options.kafka()).isEmpty();
        assertThat(options.latencyStreamsProperties()).isEmpty();
    }

    @Test
    void optionsOverrideTheSizes() {
        BenchOptions options = parse("bench", "--quick", "--only", "loop,latency", "--loop-nodes", "256", "--loop-ticks", "61",
                "--tick-millis", "500", "--partitions", "3", "--records", "1000", "--streams-property", "poll.ms=5");
        assertThat(options.benchmarks()).containsExactly(Benchmark.LOOP, Benchmark.LATENCY);
        assertThat(options.loopNodes()).isEqualTo(256);
        assertThat(options.loopTicks()).isEqualTo(61);
        assertThat(options.loopPartitions()).isEqualTo(3);
        assertThat(options.latencyPerTick()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.rawRecords()).isEqualTo(1000);
        assertThat(options.latencyStreamsProperties()).containsEntry("poll.ms", "5");
        assertThat(options.latencyNodes()).as("quick sizes stay where not overridden").isEqualTo(BenchOptions.quick().latencyNodes());
    }

    @Test
    void anExternalClusterIsUsedWhenNamed() {
        assertThat(parse("bench", "-b", "kafka-1:9092").kafka()).containsEntry("bootstrap.servers", "kafka-1:9092");
    }

    @Test
    void unknownBenchmarkIsAUsageError() {
        ForesightCommandTest.Run r = ForesightCommandTest.run("bench", "--only", "warp-drive");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("warp-drive");
    }

    @Test
    void impossibleSizesAreAOneLineError() {
        ForesightCommandTest.Run r = ForesightCommandTest.run("bench", "--quick", "--only", "loop", "--loop-ticks", "3");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("loop ticks (3) must exceed the warm-up").doesNotContain("\tat ");
    }

    @Test
    void runsTheSelectedBenchmarksAndPrintsTheTable() {
        ForesightCommandTest.Run r = ForesightCommandTest.run("bench", "--quick", "--only", "kafka,simulator", "--records", "20000");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("group", "target")
                .containsPattern("kafka\\s+produce\\s+[\\d,.]+\\s+records/s")
                .containsPattern("kafka\\s+consume\\s+[\\d,.]+\\s+records/s")
                .containsPattern("simulator\\s+1,024 nodes\\s+[\\d,.]+\\s+node-ticks/s")
                .containsPattern("simulator\\s+10,240 nodes\\s+[\\d,.]+\\s+node-ticks/s")
                .doesNotContain("FAILED", "streams");
        assertThat(r.err()).contains("bench: running kafka", "bench: running simulator");
    }
}
