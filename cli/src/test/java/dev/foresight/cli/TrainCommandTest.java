package dev.foresight.cli;

import static dev.foresight.cli.ForesightCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cli.ForesightCommandTest.Run;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    static Path dir;

    static Path recording;

    @BeforeAll
    static void importFleet() throws IOException {
        recording = EvaluateCommandTest.importFleet(dir);
    }

    @Test
    void trainThenEvaluateTheModelOnTheRecording() {
        Path model = dir.resolve("model.json");
        Run train = run("train", recording.toString(), "--horizon-days", "3", "-o", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("H=3d", "threshold", "written");

        Run scored = run("evaluate", recording.toString(), "--model", model.toString());

        assertThat(scored.exitCode()).as(scored.err()).isZero();
        assertThat(scored.out()).contains("HELD_OUT_RECORDING", "H=3d");
    }

    @Test
    void trainFitsOneHorizonIntoAFile() {
        Run two = run("train", recording.toString(), "--horizon-days", "1,7", "-o", dir.resolve("m.json").toString());
        assertThat(two.exitCode()).isEqualTo(1);
        assertThat(two.err()).contains("give one horizon");

        Run intoDirectory = run("train", recording.toString(), "-o", dir.toString());
        assertThat(intoDirectory.exitCode()).isEqualTo(1);
        assertThat(intoDirectory.err()).contains("is a directory");

        Run noOut = run("train", recording.toString());
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }
}
