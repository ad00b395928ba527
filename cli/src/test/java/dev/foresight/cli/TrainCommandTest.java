package dev.foresight.cli;

import static dev.foresight.cli.ForesightCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foresight.cli.ForesightCommandTest.Run;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
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

    @Test
    void aModelFileWhosePayloadWouldSpinForEverIsRefusedNamingTheFileAndTheClass() throws IOException {
        Path model = dir.resolve("trained.json");
        Run train = run("train", recording.toString(), "--horizon-days", "3", "-o", model.toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode file = (ObjectNode) json.readTree(model.toFile());
        file.put("payload", Base64.getEncoder().encodeToString(nestedHashSets()));
        Path hostile = dir.resolve("hostile.json");
        json.writeValue(hostile.toFile(), file);

        Run scored = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> run("evaluate", recording.toString(), "--model", hostile.toString()));

        assertThat(scored.exitCode()).isEqualTo(1);
        assertThat(scored.err()).contains(hostile.toString(), "refused", "class java.util.HashSet, which is no part of a model")
                .doesNotContain("Exception");
    }

    /** "SerialDOS": 100 levels of two sets each holding both sets below; hashing the root takes 2^100 steps. */
    private static byte[] nestedHashSets() throws IOException {
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(root);
        }
        return bytes.toByteArray();
    }
}
