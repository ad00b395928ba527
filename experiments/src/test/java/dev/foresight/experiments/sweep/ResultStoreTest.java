package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.experiments.Policy;
import dev.foresight.experiments.report.SampleAccounting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultStoreTest {

    static final RunIdentity IDENTITY = new RunIdentity("demo", "s1", 3, "PROACTIVE", false, 60, null, "no model", "c1");
    static final RunKey KEY = new RunKey(3, Policy.PROACTIVE);

    static StoredRun stored(RunIdentity identity) {
        return new StoredRun(StoredRun.FORMAT, identity, SampleAccounting.summary(), Map.of("precision", Double.NaN, "recall", 0.25),
                Map.of("telemetry.avro", "ab"), Map.of("telemetry.avro", 1_234L), 12.5);
    }

    @Test
    void aStoredRunReadsBackWhole(@TempDir Path dir) {
        ResultStore store = new ResultStore(dir);
        store.write(KEY, stored(IDENTITY));

        ResultStore.Lookup found = store.lookup(KEY, IDENTITY);

        assertThat(found).isInstanceOf(ResultStore.Done.class);
        StoredRun run = ((ResultStore.Done) found).run();
        assertThat(run).isEqualTo(stored(IDENTITY));
        assertThat(run.predictor().get("precision")).as("NaN survives the JSON").isNaN();
        assertThat(store.file(KEY)).isEqualTo(dir.resolve("results/seed-3/proactive.json"));
    }

    @Test
    void writingLeavesNoTemporaryFileAndReplacesAnEarlierResult(@TempDir Path dir) throws Exception {
        ResultStore store = new ResultStore(dir);
        store.write(KEY, stored(IDENTITY));
        RunIdentity newer = new RunIdentity("demo", "s1", 3, "PROACTIVE", false, 60, null, "no model", "c2");
        store.write(KEY, stored(newer));

        try (var files = Files.list(dir.resolve("results/seed-3"))) {
            assertThat(files).containsExactly(dir.resolve("results/seed-3/proactive.json"));
        }
        assertThat(store.lookup(KEY, newer)).isInstanceOf(ResultStore.Done.class);
    }

    @Test
    void aResultOfOtherCodeOrOptionsIsStaleAndSaysWhatDiffers(@TempDir Path dir) {
        ResultStore store = new ResultStore(dir);
        store.write(KEY, stored(IDENTITY));

        RunIdentity otherCode = new RunIdentity("demo", "s1", 3, "PROACTIVE", false, 60, null, "no model", "c9");
        RunIdentity otherOptions = new RunIdentity("demo", "s1", 3, "PROACTIVE", true, 30, null, "no model", "c1");
        RunIdentity otherScenario = new RunIdentity("demo", "s2", 3, "PROACTIVE", false, 60, null, "no model", "c1");

        assertThat(store.lookup(KEY, otherCode)).isEqualTo(new ResultStore.Stale("code (fingerprint c1, here c9)"));
        assertThat(((ResultStore.Stale) store.lookup(KEY, otherOptions)).differences())
                .contains("--consolidation (off, here on)", "--horizon-ticks (60, here 30)");
        assertThat(((ResultStore.Stale) store.lookup(KEY, otherScenario)).differences()).startsWith("scenario (demo s1, here demo s2)");
    }

    @Test
    void aMissingOrDamagedResultIsToBeRunAgain(@TempDir Path dir) throws Exception {
        ResultStore store = new ResultStore(dir);
        assertThat(store.lookup(KEY, IDENTITY)).isInstanceOf(ResultStore.Missing.class);

        Files.createDirectories(store.file(KEY).getParent());
        Files.writeString(store.file(KEY), "{\"format\": 1, \"identity\": ");
        assertThat(store.lookup(KEY, IDENTITY)).isInstanceOf(ResultStore.Unreadable.class);

        Files.writeString(store.file(KEY), "{\"format\": 0}");
        assertThat(store.lookup(KEY, IDENTITY)).isInstanceOf(ResultStore.Unreadable.class);
    }
}
