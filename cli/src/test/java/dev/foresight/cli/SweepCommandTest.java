package dev.foresight.cli;

import static dev.foresight.cli.ForesightCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cli.ForesightCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {

    @Test
    void aSweepOfTheSmallScenarioPrintsItsTableAndAResumeRunsNothing(@TempDir Path dir) {
        Path out = dir.resolve("sweep");
        Run first = run("experiment", "sweep", "small", "--seeds", "1..2", "--policies", "no-protection", "--jobs", "2", "--quiet",
                "-o", out.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("periodic is run too", "4 runs of small, 2 at a time");
        assertThat(first.out()).contains("| policy minus periodic | Useful work, core-hours | Energy, kWh | Lost work, core-hours |",
                "| no-protection | ", "better in ", "| seed | Useful work, core-hours: periodic / no-protection |",
                "report:  " + out.resolve("report.html").toAbsolutePath());
        assertThat(out.resolve("results/seed-2/no-protection.json")).isRegularFile();
        assertThat(out.resolve("summary.csv")).isRegularFile();

        Run again = run("experiment", "sweep", "small", "--seeds", "1..2", "--policies", "no-protection", "-o", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).contains("4 of 4 runs already done in " + out + "; nothing to run");

        Run table = run("experiment", "sweep-table", out.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(first.out()).contains(table.out());
        assertThat(table.out()).startsWith("| policy minus periodic |").contains("Scenario small, 2 seeds (1,2)");
    }

    @Test
    void aBadSeedSpecIsAOneLineError() {
        Run backwards = run("experiment", "sweep", "small", "--seeds", "5..2");
        assertThat(backwards.exitCode()).isEqualTo(1);
        assertThat(backwards.err()).contains("seeds '5..2': range 5..2 runs backwards; write 2..5").doesNotContain("\tat ");

        Run word = run("experiment", "sweep", "small", "--seeds", "1..ten");
        assertThat(word.exitCode()).isEqualTo(1);
        assertThat(word.err()).contains("'ten' is not a whole number");

        Run none = run("experiment", "sweep", "small");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--seeds");
    }

    @Test
    void anUnknownPolicyNamesTheKnownOnes() {
        Run r = run("experiment", "sweep", "small", "--seeds", "1..3", "--policies", "periodic,psychic");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown policy 'psychic'; known: no-protection, periodic, proactive, ideal, oracle");
    }

    @Test
    void zeroJobsIsRefused(@TempDir Path dir) {
        Run r = run("experiment", "sweep", "small", "--seeds", "1", "--jobs", "0", "-o", dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--jobs must be at least 1, got 0");
        assertThat(dir.resolve("results")).doesNotExist();
    }

    @Test
    void anUnwritableOutputDirectoryIsRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        Run r = run("experiment", "sweep", "small", "--seeds", "1", "-o", file.resolve("sweep").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot create the output directory " + file.resolve("sweep"));
    }

    @Test
    void aTableNeedsASweepSummary(@TempDir Path dir) {
        Run r = run("experiment", "sweep-table", dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("no sweep summary at " + dir.resolve("summary.json"));
    }

    @Test
    void experimentHelpListsTheSweep() {
        Run r = run("experiment", "--help");

        assertThat(r.out()).contains("sweep", "sweep-table");
        Run sweepHelp = run("experiment", "sweep", "--help");
        assertThat(sweepHelp.out()).contains("paired difference", "bootstrap", "--seeds", "--jobs", "--rerun-stale", "--keep-recordings");
    }
}
