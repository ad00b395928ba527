package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineTrainerTest {

    @TempDir
    Path dir;

    @Test
    void aModelTrainedOnOneFleetIsJudgedOnAnotherAtItsOwnThreshold() {
        Path training = SyntheticDrives.recording(dir, "train", 200, 40, 50, 21);
        Path heldOut = SyntheticDrives.recording(dir, "held-out", 200, 40, 50, 22);
        Path modelFile = dir.resolve("models/model.json");

        OfflineTrainer.Result trained = OfflineTrainer.train(training, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(3))), modelFile, s -> { });
        OfflineReport report = ModelEvaluation.run(heldOut, modelFile, List.of(0.9), s -> { });

        assertThat(modelFile).exists();
        OfflineModel model = OfflineModelFile.read(modelFile);
        assertThat(model.horizon()).isEqualTo("3d");
        assertThat(model.windowSeconds()).containsExactly(259_200L, 604_800L, 1_209_600L);
        assertThat(model.featureNames()).hasSize(4 * 3 * 6).contains("w4320m.smart_5_raw.max");
        assertThat(trained.validation().positiveWeight()).isPositive();
        HorizonResult h = report.horizons().get(0);
        assertThat(h.split().kind()).isEqualTo("HELD_OUT_RECORDING");
        assertThat(h.test().threshold()).isEqualTo(model.threshold());
        assertThat(h.test().prAuc()).isGreaterThan(5 * h.baselinePrAuc());
        assertThat(h.recallAtPrecision()).singleElement().extracting(RecallAtPrecision::precision).isEqualTo(0.9);
    }

    @Test
    void anEditedOrForeignModelFileIsRefused() throws Exception {
        Path training = SyntheticDrives.recording(dir, "train", 100, 30, 40, 3);
        Path modelFile = dir.resolve("model.json");
        OfflineTrainer.train(training, OfflineOptions.defaults().withHorizons(List.of(HorizonLength.days(3))), modelFile, s -> { });

        Files.writeString(modelFile, Files.readString(modelFile).replace("\"w4320m.smart_5_raw.max\"", "\"renamed\""));
        assertThatThrownBy(() -> OfflineModelFile.predictor(OfflineModelFile.read(modelFile), modelFile))
                .hasMessageContaining("the payload's columns differ from featureNames");
        Files.writeString(dir.resolve("other.json"), "{\"hello\": 1}");
        assertThatThrownBy(() -> OfflineModelFile.read(dir.resolve("other.json"))).hasMessageContaining("format 'null' is not");
        assertThatThrownBy(() -> OfflineModelFile.read(dir.resolve("missing.json"))).hasMessageContaining("no such file");
    }

    @Test
    void trainingNeedsFailuresInBothSlices() {
        Path quiet = SyntheticDrives.recording(dir, "quiet", 30, 0, 30, 3);

        assertThatThrownBy(() -> OfflineTrainer.train(quiet, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(3))), dir.resolve("m.json"), s -> { }))
                .hasMessageContaining("slice has no failure");
    }
}
