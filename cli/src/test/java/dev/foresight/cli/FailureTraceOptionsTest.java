package dev.foresight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --failure-trace} on the in-process engine: runs without a broker, fails clearly on bad input. */
class FailureTraceOptionsTest {

    static final String SCENARIO = """
            name: traced
            seed: 3
            nodes: 8
            racks: 1
            durationTicks: 120
            """;

    static final String HEADER = "node,fail_at_seconds,repair_seconds,started_utc,cause\n";

    @Test
    void aRunReplaysTheTraceAndSaysHowMuchOfIt(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("traced.yaml"), SCENARIO);
        Path trace = Files.writeString(dir.resolve("system-7.csv"), HEADER
                + "3,600.0,300.0,2004-01-01T00:10:00Z,Hardware/CPU\n"
                + "30,600.0,300.0,2004-01-01T00:10:00Z,Hardware/CPU\n");
        ForesightCommandTest.Run r = ForesightCommandTest.run("experiment", "run", scenario.toString(), "--engine", "inprocess",
                "--policy", "no_protection", "--quiet", "--failure-trace", trace.toString(), "-o", dir.resolve("out").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("failure trace system-7.csv: 1 of the trace's 2 node failures fall on the scenario's 8 nodes",
                "1 name nodes up to 30, beyond the cluster");
        assertThat(Files.readString(dir.resolve("out/summary.json"))).contains("replayed from system-7.csv (1 failures in the run");
    }

    @Test
    void aMissingTraceIsNamed(@TempDir Path dir) {
        ForesightCommandTest.Run r = ForesightCommandTest.run("experiment", "run", "small", "--engine", "inprocess",
                "--failure-trace", dir.resolve("system-1.csv").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("foresight experiment run: failure trace", "system-1.csv does not exist",
                "foresight dataset import lanl");
    }

    @Test
    void aTraceThatMissesTheScenarioIsRefused(@TempDir Path dir) throws Exception {
        Path trace = Files.writeString(dir.resolve("system-8.csv"), HEADER + "500,60.0,60.0,2004-01-01T00:01:00Z,Hardware/CPU\n");
        ForesightCommandTest.Run r = ForesightCommandTest.run("experiment", "run", "small", "--engine", "inprocess",
                "--failure-trace", trace.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nothing to replay", "1 name nodes up to 500, beyond the cluster");
    }

    @Test
    void aStartWithoutATraceIsRefused() {
        ForesightCommandTest.Run r = ForesightCommandTest.run("simulate", "small", "--failure-trace-from", "2004-01-01T00:00:00Z");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--failure-trace-from needs --failure-trace");
    }
}
