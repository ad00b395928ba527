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

    /** A Blue Gene/L period replays like a LANL system: node card R00-M0-N3 is scenario node 3. */
    @Test
    void aBlueGenePeriodReplaysAsTheFailureTrace(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("traced.yaml"), SCENARIO);
        Path failures = Files.writeString(dir.resolve("f.log"), """
                2005-07-06-00.10.00.000000 R00-M0-N3-C:J02-U01 RAS KERNEL FATAL rts panic! - stopping execution
                2005-07-06-00.50.00.000000 R00-M0-N5-I:J18-U11 RAS KERNEL FATAL Lustre mount FAILED : bglio1 : block_id : location
                2005-07-06-01.20.00.000000 R33-M1-N2-C:J02-U01 RAS KERNEL FATAL rts internal error
                """);
        Path warnings = Files.writeString(dir.resolve("w.log"),
                "2005-07-06-00.05.00.000000 R00-M0-N3-C:J02-U01 RAS KERNEL FATAL data storage interrupt\n");
        ForesightCommandTest.Run imported = ForesightCommandTest.run("dataset", "import", "bluegene", failures.toString(),
                warnings.toString(), "-o", dir.resolve("bgl").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        ForesightCommandTest.Run r = ForesightCommandTest.run("experiment", "run", scenario.toString(), "--engine", "inprocess",
                "--policy", "no_protection", "--quiet", "--failure-trace", dir.resolve("bgl/failure-trace.csv").toString(),
                "--failure-trace-from", "2005-07-06T00:00:00Z", "-o", dir.resolve("out").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        // R33-M1-N2: rack 3*8+3 = 27, midplane 1, card 2 -> (27*2+1)*16+2 = 882
        assertThat(r.err()).contains("failure trace failure-trace.csv: 2 of the trace's 3 node failures fall on the scenario's 8 nodes",
                "1 name nodes up to 882, beyond the cluster");
        assertThat(Files.readString(dir.resolve("out/summary.json"))).contains("replayed from failure-trace.csv from 2005-07-06T00:00:00Z (2 failures in the run");
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
