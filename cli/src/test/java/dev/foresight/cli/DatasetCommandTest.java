package dev.foresight.cli;

import static dev.foresight.cli.ForesightCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cli.ForesightCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {

    @TempDir
    Path dir;

    private Path backblaze() throws Exception {
        return Files.writeString(dir.resolve("drives.csv"), """
                date,serial_number,model,capacity_bytes,failure,smart_5_raw,smart_9_raw
                2013-04-10,A,ST3000DM001,3000592982016,0,0,100
                2013-04-10,B,ST3000DM001,3000592982016,0,x,100
                2013-04-11,A,ST3000DM001,3000592982016,1,8,124
                """);
    }

    /** Node 0 of system 5 fails every 3 to 40 hours; enough outages for every law. */
    private Path lanl() throws Exception {
        StringBuilder csv = new StringBuilder("System,nodenumz,Prob Started,Prob Fixed,Down Time,Facilities,Hardware,Human Error,"
                + "Network,Undetermined,Software,Same Event\n");
        long minute = 0;
        for (int i = 0; i < 40; i++) {
            minute += 180 + (i * 7919L) % 2200;
            java.time.LocalDateTime t = java.time.LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes(minute);
            csv.append("5,").append(i % 2).append(',').append(t.getMonthValue()).append('/').append(t.getDayOfMonth()).append('/')
                    .append(t.getYear()).append(' ').append(t.getHour()).append(':').append(String.format("%02d", t.getMinute()))
                    .append(",,").append(10 + (i * 37) % 300).append(",,Memory,,,,,No\n");
        }
        return Files.writeString(dir.resolve("lanl.csv"), csv);
    }

    private Path rasLog(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void importBluegeneReportsLinesOutagesColumnsAndTheTrace() throws Exception {
        Path failures = rasLog("f.log", "2005-07-06-02.30.00.000000 R22-M0-N1-C:J02-U01 RAS KERNEL FATAL rts panic! - stopping execution",
                "garbage");
        Path warnings = rasLog("w.log", "2005-07-06-00.10.00.000000 R22-M0-N1-C:J02-U01 RAS KERNEL FATAL data storage interrupt",
                "2005-07-06-00.14.00.000000 RAS KERNEL FATAL Kill job 1 timed out. Block freed.");

        Run r = run("dataset", "import", "bluegene", failures.toString(), warnings.toString(), "-o", dir.resolve("bgl").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("failures: lines read 2, on cards 1", "skipped BAD_TIMESTAMP", "f.log:2:",
                "without a card {job-kill=1}", "outages (FAILED events) 1 by category {kernel-panic=1}", "[ras_kernel_interrupt]",
                "failure trace failure-trace.csv: 1 node-card outages");
        assertThat(dir.resolve("bgl/failure-trace.csv")).exists();

        Run later = run("dataset", "import", "bluegene", failures.toString(), warnings.toString(), "-o", dir.resolve("later").toString(),
                "--from", "2005-07-06T01:00:00Z", "--like", dir.resolve("bgl").toString(), "--repair", "30m");
        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(later.out()).contains("warnings: lines read 2, on cards 0, without a card {}, outside the period 2", "(as bluegene-l ");
    }

    @Test
    void aBadDurationOrPeriodIsOneLine() throws Exception {
        Path log = rasLog("x.log", "2005-07-06-02.30.00.000000 R22-M0-N1-C:J02-U01 RAS KERNEL FATAL rts panic! - stopping execution");

        Run r = run("dataset", "import", "bluegene", log.toString(), log.toString(), "-o", dir.resolve("b").toString(), "--repair", "soon");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("'soon' is not a duration").doesNotContain("\tat ");

        Run p = run("dataset", "import", "bluegene", log.toString(), log.toString(), "-o", dir.resolve("c").toString(),
                "--from", "2005-08-01T00:00:00Z", "--until", "2005-07-01T00:00:00Z");
        assertThat(p.exitCode()).isEqualTo(1);
        assertThat(p.err()).contains("must be before --until");
    }

    @Test
    void importBackblazeReportsWhatItSkippedAndWhere() throws Exception {
        Run r = run("dataset", "import", "backblaze", backblaze().toString(), "-o", dir.resolve("rec").toString(),
                "--healthy-weight", "5");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("rows read 3, imported 2, skipped 1", "skipped BAD_SMART_VALUE", "drives.csv:3: column 6 (smart_5_raw)",
                "failed drives 1", "healthy drives x5.0");
        assertThat(dir.resolve("rec/manifest.json")).exists();
    }

    @Test
    void aMissingCsvIsOneLineNamingIt() {
        Run r = run("dataset", "import", "backblaze", dir.resolve("nope.csv").toString(), "-o", dir.resolve("rec").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("nope.csv: no such readable file").doesNotContain("\tat ");
    }

    @Test
    void theOutputDirectoryIsRequired() throws Exception {
        Run r = run("dataset", "import", "backblaze", backblaze().toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void importLanlThenFitPrintsTheLawsAsTableYamlAndJson() throws Exception {
        Path traces = dir.resolve("traces");
        Run imported = run("dataset", "import", "lanl", lanl().toString(), "-o", traces.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("rows read 40, skipped 0", "system-5.csv");

        Run fit = run("dataset", "fit", traces.toString(), "--json", dir.resolve("fit.json").toString());

        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("node uptime shape", "failures:\n  weibull: {shape: ", "repair: {mu: ");
        assertThat(Files.readString(dir.resolve("fit.json"))).contains("\"system\" : \"5\"", "\"nodeUptime\"", "\"shapeLow\"");
    }

    /** Two nodes of system 5 failing every 3 to 40 hours for 120 outages; the last 40 form the later file. */
    private Path[] lanlEarlierAndLater() throws Exception {
        String header = "System,nodenumz,Prob Started,Prob Fixed,Down Time,Facilities,Hardware,Human Error,Network,Undetermined,"
                + "Software,Same Event\n";
        StringBuilder earlier = new StringBuilder(header);
        StringBuilder later = new StringBuilder(header);
        long minute = 0;
        for (int i = 0; i < 120; i++) {
            minute += 180 + (i * 7919L) % 2200;
            java.time.LocalDateTime t = java.time.LocalDateTime.of(2000, 1, 1, 0, 0).plusMinutes(minute);
            (i < 80 ? earlier : later).append("5,").append(i % 2).append(',').append(t.getMonthValue()).append('/')
                    .append(t.getDayOfMonth()).append('/').append(t.getYear()).append(' ').append(t.getHour()).append(':')
                    .append(String.format("%02d", t.getMinute())).append(",,30,,Memory,,,,,No\n");
        }
        return new Path[] {Files.writeString(dir.resolve("earlier.csv"), earlier), Files.writeString(dir.resolve("later.csv"), later)};
    }

    @Test
    void fitValidatesEachSystemOnALaterFile() throws Exception {
        Path[] files = lanlEarlierAndLater();

        Run r = run("dataset", "fit", files[0].toString(), "--validate-on", files[1].toString(), "--recent-days", "30",
                "--json", dir.resolve("v.json").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("# Checked forward on later.csv", "KS p", "change p", "log-rank p", "5      all", "5      last 30 days");
        assertThat(Files.readString(dir.resolve("v.json"))).contains("\"validations\"", "\"lrPValue\"", "\"changePValue\"",
                "\"recentDays\" : 30");
    }

    @Test
    void aLaterFileWithoutACommonSystemIsOneLine() throws Exception {
        Path[] files = lanlEarlierAndLater();
        Path other = Files.writeString(dir.resolve("other.csv"), Files.readString(files[1]).replace("\n5,", "\n6,"));

        Run r = run("dataset", "fit", files[0].toString(), "--validate-on", other.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("has no system in common with").doesNotContain("\tat ");
    }

    @Test
    void fitReadsTheCsvDirectlyAndNamesAMissingSource() throws Exception {
        Run fit = run("dataset", "fit", lanl().toString(), "--json", "-");
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("\"systemGaps\"");

        Run missing = run("dataset", "fit", dir.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("none: no such file or directory");
    }

    @Test
    void datasetWithoutASubcommandSaysWhatThereIs() {
        Run r = run("dataset");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("say 'import' or 'fit'");
    }
}
