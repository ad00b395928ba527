package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.experiments.Policy;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep's promises on a tiny scenario (12 nodes, 4 simulated hours): parallel and sequential sweeps store
 * identical runs and write the same summary; a rerun does only what is missing; results of another sweep are
 * refused, or rerun when asked.
 */
class SweepRunnerTest {

    static final String TINY = """
            name: tiny
            seed: 11
            nodes: 12
            racks: 2
            durationTicks: 240
            failures:
              weibull: {shape: 0.7, scaleHours: 20}
            """;

    static final long GB = 1024L * 1024 * 1024;
    static final List<RunKey> RUNS = List.of(new RunKey(1, Policy.PERIODIC), new RunKey(1, Policy.PROACTIVE),
            new RunKey(2, Policy.PERIODIC), new RunKey(2, Policy.PROACTIVE));

    @TempDir
    static Path dir;

    static SweepRunner.Outcome sequential;
    static SweepRunner.Outcome parallel;

    static Scenario tiny() {
        return ScenarioLoader.parse(TINY, "tiny");
    }

    static SweepPlan plan(Path out, int jobs) {
        return SweepPlan.of(tiny(), List.of(1L, 2L), List.of(Policy.PROACTIVE), out).withJobs(jobs);
    }

    static SweepRunner.Outcome run(SweepPlan plan, PrintStream err) throws InterruptedException {
        return new SweepRunner(plan, err, new PrintStream(OutputStream.nullOutputStream()), false, 2, 2 * GB).run();
    }

    static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }

    @BeforeAll
    static void sweepTwice() throws Exception {
        sequential = run(plan(dir.resolve("sequential"), 1), quiet());
        parallel = run(plan(dir.resolve("parallel"), 2), quiet());
    }

    static StoredRun stored(Path sweep, RunKey key) {
        ResultStore store = new ResultStore(sweep);
        StoredRun run = ((ResultStore.Done) store.lookup(key, readIdentity(store, key))).run();
        return run;
    }

    static RunIdentity readIdentity(ResultStore store, RunKey key) {
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(store.file(key).toFile());
            return new com.fasterxml.jackson.databind.ObjectMapper().treeToValue(tree.get("identity"), RunIdentity.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void periodicIsRunAsTheReferenceEvenWhenNotAskedFor() {
        assertThat(sequential.ran()).containsExactlyElementsOf(RUNS);
        assertThat(sequential.summary().header().policies()).containsExactly("periodic", "proactive");
    }

    @Test
    void aParallelSweepStoresTheSameRunsAsASequentialOne() throws Exception {
        assertThat(parallel.ran()).containsExactlyInAnyOrderElementsOf(RUNS);
        for (RunKey key : RUNS) {
            StoredRun one = stored(dir.resolve("sequential"), key);
            StoredRun two = stored(dir.resolve("parallel"), key);
            assertThat(two.identity()).as(key.toString()).isEqualTo(one.identity());
            assertThat(two.accounting()).as(key.toString()).isEqualTo(one.accounting());
            assertThat(two.predictor()).as(key.toString()).isEqualTo(one.predictor());
            assertThat(two.checksums()).as(key + ": the recordings' bytes").isEqualTo(one.checksums());
        }
        assertThat(Files.readString(parallel.summaryJson())).isEqualTo(Files.readString(sequential.summaryJson()));
        assertThat(Files.readString(parallel.summaryCsv())).isEqualTo(Files.readString(sequential.summaryCsv()));
    }

    @Test
    void commonRandomNumbersGiveEveryPolicyOfASeedTheSameFailures() {
        var failures = sequential.summary().metric("failures").orElseThrow();
        assertThat(failures.policy("proactive").bySeed()).isEqualTo(failures.policy("periodic").bySeed());
        assertThat(failures.policy("proactive").bySeed().get(0)).isPositive();
        var useful = sequential.summary().metric("usefulCoreHours").orElseThrow();
        assertThat(useful.policy("periodic").bySeed()).as("two seeds, two draws of the workload").doesNotHaveDuplicates();
    }

    @Test
    void recordingsAreNotKeptByDefault() {
        assertThat(dir.resolve("parallel/recordings")).doesNotExist();
        assertThat(dir.resolve("parallel/work")).doesNotExist();
        assertThat(dir.resolve("parallel/report.html")).isRegularFile();
        assertThat(dir.resolve("parallel/seeds.csv")).isRegularFile();
    }

    @Test
    void aResumedSweepRerunsExactlyTheRunWhoseResultIsGone() throws Exception {
        Path resumed = dir.resolve("resumed");
        copyResults(dir.resolve("parallel"), resumed);
        RunKey gone = new RunKey(2, Policy.PROACTIVE);
        Files.delete(new ResultStore(resumed).file(gone));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        SweepRunner.Outcome again = run(plan(resumed, 2), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(again.ran()).containsExactly(gone);
        assertThat(again.reused()).containsExactlyElementsOf(RUNS.stream().filter(k -> !k.equals(gone)).toList());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 of 4 runs already done", "running the other 1");
        assertThat(stored(resumed, gone).checksums()).isEqualTo(stored(dir.resolve("parallel"), gone).checksums());
        assertThat(Files.readString(again.summaryJson())).isEqualTo(Files.readString(parallel.summaryJson()));

        SweepRunner.Outcome nothingLeft = run(plan(resumed, 2), quiet());
        assertThat(nothingLeft.ran()).isEmpty();
    }

    @Test
    void resultsOfAnotherOptionSetAreRefusedWithoutRunningAnything() throws Exception {
        Path other = dir.resolve("other-options");
        copyResults(dir.resolve("parallel"), other);
        long before = Files.getLastModifiedTime(new ResultStore(other).file(RUNS.get(0))).toMillis();

        assertThatThrownBy(() -> run(plan(other, 2).withHorizonTicks(30), quiet()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 results in " + other.resolve("results") + " came from a different sweep")
                .hasMessageContaining("--horizon-ticks (60, here 30)")
                .hasMessageContaining("--rerun-stale");
        assertThat(Files.getLastModifiedTime(new ResultStore(other).file(RUNS.get(0))).toMillis()).isEqualTo(before);
        assertThat(other.resolve("summary.json")).doesNotExist();
    }

    @Test
    void staleResultsAreRunAgainWhenAskedAndRecordingsKeptWhenAsked(@TempDir Path out) throws Exception {
        SweepPlan periodicOnly = SweepPlan.of(tiny(), List.of(1L), List.of(Policy.PERIODIC), out).withJobs(1);
        run(periodicOnly, quiet());

        SweepRunner.Outcome rerun = run(periodicOnly.withHorizonTicks(30).withRerunStale(true).withKeepRecordings(true), quiet());

        assertThat(rerun.ran()).containsExactly(new RunKey(1, Policy.PERIODIC));
        assertThat(readIdentity(new ResultStore(out), new RunKey(1, Policy.PERIODIC)).horizonTicks()).isEqualTo(30);
        assertThat(out.resolve("recordings/seed-1/periodic/telemetry.avro")).isRegularFile();
        assertThat(rerun.summary().metrics().get(0).policies().get(0).differenceFromReference()).isNull();
    }

    @Test
    void moreConcurrentRunsThanTheHeapHoldsAreRefusedBeforeAnyRuns(@TempDir Path out) {
        SweepPlan plan = SweepPlan.of(tiny(), List.of(1L, 2L), List.of(Policy.PERIODIC), out).withJobs(2);
        SweepRunner tight = new SweepRunner(plan, quiet(), quiet(), false, 2, 150L * 1024 * 1024);

        assertThatThrownBy(tight::run).hasMessageContaining("use --jobs 1 or fewer");
        assertThat(out.resolve("results")).doesNotExist();
    }

    @Test
    void anUnwritableOutputDirectoryIsNamed(@TempDir Path out) throws Exception {
        Path file = Files.writeString(out.resolve("in-the-way"), "x");

        assertThatThrownBy(() -> run(plan(file.resolve("sweep"), 1), quiet()))
                .hasMessageContaining("cannot create the output directory " + file.resolve("sweep"));
    }

    @Test
    void aFailedRunStopsTheSweepSayingWhichRunAndThatFinishedRunsAreKept(@TempDir Path out) throws Exception {
        // a file where seed 1's results belong: its result cannot be stored, so its run fails
        Files.createDirectories(out.resolve("results"));
        Files.writeString(out.resolve("results/seed-1"), "in the way");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SweepPlan plan = SweepPlan.of(tiny(), List.of(1L), List.of(Policy.PERIODIC), out).withJobs(1);

        assertThatThrownBy(() -> run(plan, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the run of seed 1, periodic failed: cannot write the result of seed 1, periodic")
                .hasMessageContaining("the same command resumes from them");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is unreadable", "running it again");
        assertThat(out.resolve("summary.json")).as("no summary of a sweep that failed").doesNotExist();
    }

    @Test
    void oneSweepAtATimePerDirectory(@TempDir Path out) throws Exception {
        try (DirectoryLock held = DirectoryLock.acquire(out)) {
            assertThatThrownBy(() -> run(plan(out, 1), quiet())).hasMessageContaining("another sweep is running in " + held.dir());
        }
    }

    private static void copyResults(Path from, Path to) throws Exception {
        try (var files = Files.walk(from.resolve("results"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
