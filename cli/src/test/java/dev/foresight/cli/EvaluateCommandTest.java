package dev.foresight.cli;

import static dev.foresight.cli.ForesightCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.cli.ForesightCommandTest.Run;
import dev.foresight.experiments.offline.OfflineOptions;
import dev.foresight.predictor.PredictorOptions;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {

    @TempDir
    static Path dir;

    static Path recording;

    @BeforeAll
    static void importFleet() throws IOException {
        recording = importFleet(dir);
    }

    /** 150 drives over 40 days, imported with the CLI; 30 fail, most after reallocated sectors grew for a few days. */
    static Path importFleet(Path dir) throws IOException {
        Path csv = dir.resolve("fleet.csv");
        try (Writer out = Files.newBufferedWriter(csv)) {
            out.write("date,serial_number,model,capacity_bytes,failure,smart_5_raw,smart_9_raw\n");
            for (int day = 0; day < 40; day++) {
                for (int d = 0; d < 150; d++) {
                    int failDay = d < 30 ? 6 + (d * 13) % 34 : -1;
                    if (failDay >= 0 && day > failDay) {
                        continue;
                    }
                    long sectors = failDay >= 0 && d % 5 != 0 && failDay - day < 4 ? 8L << (3 - (failDay - day)) : 0;
                    out.write(LocalDate.of(2020, 1, 1).plusDays(day) + ",S" + d + ",M,1000," + (day == failDay ? 1 : 0) + ","
                            + sectors + "," + (100 + 24 * day) + "\n");
                }
            }
        }
        Path imported = dir.resolve("fleet");
        Run r = run("dataset", "import", "backblaze", csv.toString(), "-o", imported.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return imported;
    }

    @Test
    void evaluatePrintsTheHeldOutTableAndWritesJson() {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "2,4", "--windows", "3d,7d", "--recall-at", "0.9",
                "--json", dir.resolve("eval.json").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("H=2d", "H=4d", "base rate = constant PR-AUC", "PR-AUC (x base rate)", "FDR: failed nodes flagged",
                "split: TIME", "recall @ precision 0.90", "Brier raw / calibrated (constant)");
        assertThat(r.err()).contains("features:");
        assertThat(dir.resolve("eval.json")).exists();
    }

    @Test
    void theClassWeightReachesTheTrainer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Run balanced = run("evaluate", recording.toString(), "--horizon-days", "3", "--windows", "3d", "--json", "-");
        Run none = run("evaluate", recording.toString(), "--horizon-days", "3", "--windows", "3d", "--class-weight", "none",
                "--json", "-");
        Run capped = run("evaluate", recording.toString(), "--horizon-days", "3", "--windows", "3d", "--max-class-weight", "2",
                "--json", "-");

        assertThat(List.of(balanced, none, capped)).allSatisfy(r -> assertThat(r.exitCode()).as(r.err()).isZero());
        assertThat(json.readTree(balanced.out()).path("horizons").get(0).path("training").path("balanceFactor").asInt())
                .as("the default: failures weigh up to 10 healthy windows").isEqualTo(10);
        assertThat(json.readTree(none.out()).path("horizons").get(0).path("training").path("balanceFactor").asInt()).isEqualTo(1);
        assertThat(json.readTree(none.out()).path("model").asText()).contains("no class weight");
        assertThat(json.readTree(capped.out()).path("horizons").get(0).path("training").path("balanceFactor").asInt()).isEqualTo(2);
    }

    @Test
    void theClassWeightOptionsReachTheFitsOptions() {
        EvaluateCommand none = new EvaluateCommand();
        new CommandLine(none).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("r", "--class-weight", "NONE");
        EvaluateCommand capped = new EvaluateCommand();
        new CommandLine(capped).parseArgs("r", "--max-class-weight", "50");
        EvaluateCommand defaults = new EvaluateCommand();
        new CommandLine(defaults).parseArgs("r");

        assertThat(none.learning.options().predictor().imbalance()).isEqualTo(PredictorOptions.Imbalance.none());
        assertThat(capped.learning.options().predictor().imbalance()).isEqualTo(new PredictorOptions.Imbalance(true, 50, 0));
        assertThat(defaults.learning.options()).as("defaults unchanged").isEqualTo(OfflineOptions.defaults());
    }

    @Test
    void aBadClassWeightNamesTheOption() {
        Run kind = run("evaluate", recording.toString(), "--class-weight", "heavy");
        assertThat(kind.exitCode()).isEqualTo(2);
        assertThat(kind.err()).contains("--class-weight").contains("heavy");

        Run cap = run("evaluate", recording.toString(), "--max-class-weight", "0");
        assertThat(cap.exitCode()).isEqualTo(2);
        assertThat(cap.err()).contains("--max-class-weight must be at least 1, got 0").doesNotContain("\tat ");
    }

    @Test
    void theTableAndJsonJudgeRawAndCalibratedProbabilities() throws Exception {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "3", "--windows", "3d", "--json", "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        var probabilities = new ObjectMapper().readTree(r.out()).path("horizons").get(0).path("probabilities");
        assertThat(probabilities.path("brierRaw").isNumber()).isTrue();
        assertThat(probabilities.path("brierCalibrated").asDouble()).isLessThan(probabilities.path("brierRaw").asDouble());
        assertThat(probabilities.path("scale").path("a").asDouble()).isPositive();
    }

    @Test
    void aBadMinimumLeadIsOneLine() {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "3", "--windows", "3d", "--min-lead", "soon");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("'soon' is not a duration").doesNotContain("\tat ");
    }

    @Test
    void jsonToStandardOutputReplacesTheTable() {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "3", "--windows", "3d", "--json", "-");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().strip()).startsWith("{").endsWith("}").contains("\"horizons\"", "\"baselinePrAuc\"")
                .doesNotContain("base rate = constant PR-AUC");
    }

    @Test
    void aBadHorizonListNamesTheOptionAndTheValue() {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "1,x");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--horizon-days").contains("'x'");
    }

    @Test
    void aZeroHorizonIsRefused() {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "7,0");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("a horizon must be positive, got 0 days").doesNotContain("\tat ");
    }

    @Test
    void daysAndTicksTogetherAreAUsageError() {
        Run r = run("evaluate", recording.toString(), "--horizon-days", "7", "--horizon-ticks", "60");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void aMissingRecordingOrAFileIsNamed() throws Exception {
        Run missing = run("evaluate", dir.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nothing: no such recording directory");

        Run file = run("evaluate", Files.writeString(dir.resolve("f.txt"), "x").toString());
        assertThat(file.exitCode()).isEqualTo(1);
        assertThat(file.err()).contains("is a file; give a recording directory");

        Run notRecording = run("evaluate", Files.createDirectories(dir.resolve("empty")).toString());
        assertThat(notRecording.exitCode()).isEqualTo(1);
        assertThat(notRecording.err()).contains("manifest.json is missing");
    }

    @Test
    void badWindowsAndAlgorithmsAreExplained() {
        Run windows = run("evaluate", recording.toString(), "--windows", "3 days");
        assertThat(windows.exitCode()).isEqualTo(1);
        assertThat(windows.err()).contains("'3 days' is not a duration");

        Run precision = run("evaluate", recording.toString(), "--recall-at", "1.5");
        assertThat(precision.exitCode()).isEqualTo(1);
        assertThat(precision.err()).contains("a fixed precision must be in (0, 1]: 1.5");

        Run algorithm = run("evaluate", recording.toString(), "--algorithm", "svm");
        assertThat(algorithm.exitCode()).isEqualTo(2);
        assertThat(algorithm.err()).contains("--algorithm").contains("svm");
    }
}
