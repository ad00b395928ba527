package dev.foresight.experiments.sweep;

import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import dev.foresight.experiments.report.ExperimentReport;
import dev.foresight.experiments.sweep.summary.PercentileBootstrap;
import dev.foresight.experiments.sweep.summary.RunFigures;
import dev.foresight.experiments.sweep.summary.SeedText;
import dev.foresight.experiments.sweep.summary.SummaryFiles;
import dev.foresight.experiments.sweep.summary.SweepHeader;
import dev.foresight.experiments.sweep.summary.SweepReport;
import dev.foresight.experiments.sweep.summary.SweepSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a sweep: every run of the plan not already stored (in parallel, on the in-process engine), then the
 * summary, CSV and report over all of them. Output directory:
 * <pre>
 *   DIR/summary.json, summary.csv, seeds.csv, report.html
 *   DIR/results/seed-N/POLICY.json       one per run, written as it finishes (what a rerun resumes from)
 *   DIR/recordings/seed-N/POLICY/        only with keepRecordings
 * </pre>
 */
public final class SweepRunner {

    /** What a sweep did and wrote. */
    public record Outcome(List<RunKey> ran, List<RunKey> reused, SweepSummary summary, Path summaryJson, Path summaryCsv,
                          Path seedsCsv, Path reportHtml) {}

    public static final double CONFIDENCE = 0.95;

    private final SweepPlan plan;
    private final PrintStream err;
    private final PrintStream bar;
    private final boolean terminal;
    private final int cores;
    private final long maxHeapBytes;

    /**
     * @param err         where the sweep says what it does (resumed runs, concurrency, failures)
     * @param progressBar draw the progress bar on {@code err} too
     */
    public SweepRunner(SweepPlan plan, PrintStream err, boolean progressBar) {
        this(plan, err, progressBar ? err : new PrintStream(OutputStream.nullOutputStream()), System.console() != null,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    }

    SweepRunner(SweepPlan plan, PrintStream err, PrintStream bar, boolean terminal, int cores, long maxHeapBytes) {
        this.plan = plan;
        this.err = err;
        this.bar = bar;
        this.terminal = terminal;
        this.cores = cores;
        this.maxHeapBytes = maxHeapBytes;
    }

    public Outcome run() throws InterruptedException {
        Path dir = plan.outputDir();
        createOutputDirectory(dir);
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            return runLocked(lock.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private Outcome runLocked(Path dir) throws InterruptedException {
        String scenarioSha = ScenarioDigest.of(plan.scenario());
        String code = CodeFingerprint.current();
        ResultStore store = new ResultStore(dir);
        Map<RunKey, StoredRun> done = new TreeMap<>(RunKey.ORDER);
        List<RunKey> pending = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (RunKey key : plan.runs()) {
            ResultStore.Lookup found = store.lookup(key, plan.identity(key, scenarioSha, code));
            if (found instanceof ResultStore.Done d) {
                done.put(key, d.run());
            } else {
                pending.add(key);
                if (found instanceof ResultStore.Stale s) {
                    stale.add(key + ": " + s.differences());
                } else if (found instanceof ResultStore.Unreadable u) {
                    err.println("sweep: the stored result of " + key + " (" + store.file(key) + ") is unreadable (" + u.why()
                            + "); running it again");
                }
            }
        }
        if (!stale.isEmpty()) {
            String which = stale.size() + " result" + (stale.size() == 1 ? "" : "s") + " in " + dir.resolve("results")
                    + " came from a different sweep, e.g. " + stale.get(0);
            if (!plan.rerunStale()) {
                throw new IllegalArgumentException(which + ". They are not comparable with runs made now: rerun them with "
                        + "--rerun-stale, or write this sweep elsewhere with -o DIR");
            }
            err.println("sweep: " + which + "; running them again (--rerun-stale)");
        }
        List<RunKey> reused = List.copyOf(done.keySet());
        if (!reused.isEmpty()) {
            err.println("sweep: " + reused.size() + " of " + plan.runs().size() + " runs already done in " + dir
                    + (pending.isEmpty() ? "; nothing to run" : "; running the other " + pending.size()));
        }
        if (!pending.isEmpty()) {
            runPending(dir, store, pending, scenarioSha, code, done);
        }
        return summarise(dir, scenarioSha, code, done, pending, reused);
    }

    private void runPending(Path dir, ResultStore store, List<RunKey> pending, String scenarioSha, String code,
                            Map<RunKey, StoredRun> done) throws InterruptedException {
        HeapBudget budget = HeapBudget.of(plan.scenario(), maxHeapBytes);
        int jobs = Math.min(budget.jobs(plan.jobs(), cores, plan.scenario()), pending.size());
        String heapNote = plan.jobs() == null && jobs < Math.min(cores, pending.size())
                ? " (the heap, " + maxHeapBytes / (1024 * 1024) + " MB, fits no more; raise -Xmx for more)" : "";
        err.printf("sweep: %d run%s of %s, %d at a time on %d core%s, about %d MB of heap each%s%n", pending.size(),
                pending.size() == 1 ? "" : "s", plan.scenario().name(), jobs, cores, cores == 1 ? "" : "s",
                budget.perRunMegabytes(), heapNote);
        Path work = dir.resolve("work");
        deleteTree(work); // what an interrupted sweep left half-written
        Map<String, Integer> toRun = new java.util.HashMap<>();
        pending.forEach(key -> toRun.merge(plan.label(key.policy()), 1, Integer::sum));
        SweepProgress progress = new SweepProgress(bar, terminal, System::nanoTime, "sweep " + plan.scenario().name(),
                plan.runs().size(), done.size(), plan.scenario().durationTicks(), toRun);
        ExperimentRunner runner = new ExperimentRunner(plan.experimentOptions(work)).addListener(progress);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sweep-run-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<StoredRun> completion = new ExecutorCompletionService<>(pool);
        Map<Future<StoredRun>, RunKey> submitted = new java.util.HashMap<>();
        for (RunKey key : pending) {
            submitted.put(completion.submit(() -> runOne(runner, store, work, dir, key, scenarioSha, code, progress)), key);
        }
        RuntimeException failure = null;
        try {
            for (int i = 0; i < pending.size(); i++) {
                Future<StoredRun> finished = completion.take();
                RunKey key = submitted.get(finished);
                try {
                    done.put(key, finished.get());
                } catch (ExecutionException e) {
                    failure = failed(key, e.getCause(), dir, done.size());
                    break;
                }
            }
        } catch (InterruptedException e) {
            // the caller wants out now: interrupt the runs and leave their half-written work for the next sweep to clear
            progress.close();
            pool.shutdownNow();
            throw e;
        }
        progress.close();
        // after a failure, runs in flight finish and keep their results; runs not started are dropped
        submitted.keySet().forEach(f -> f.cancel(false));
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        if (failure != null) {
            throw failure;
        }
        deleteTree(work);
    }

    private StoredRun runOne(ExperimentRunner runner, ResultStore store, Path work, Path dir, RunKey key, String scenarioSha,
                             String code, SweepProgress progress) throws Exception {
        Path runDir = work.resolve("seed-" + key.seed() + "-" + key.policy().label());
        progress.runStarted(plan.label(key.policy()));
        RunResult result = runner.runInProcess(plan.scenario(), key.seed(), key.policy(), runDir);
        StoredRun stored = StoredRun.of(plan.identity(key, scenarioSha, code), result);
        store.write(key, stored);
        if (plan.keepRecordings()) {
            Path kept = dir.resolve("recordings").resolve("seed-" + key.seed()).resolve(key.policy().label());
            deleteTree(kept);
            Files.createDirectories(kept.getParent());
            Files.move(runDir, kept);
        } else {
            deleteTree(runDir);
        }
        progress.runFinished(key, result.label(), result.wallSeconds());
        return stored;
    }

    private static RuntimeException failed(RunKey key, Throwable cause, Path dir, int kept) {
        String why = cause instanceof OutOfMemoryError
                ? "ran out of heap (" + cause.getMessage() + "): give fewer --jobs, or the JVM more heap (-Xmx)"
                : String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause);
        return new IllegalStateException("the run of " + key + " failed: " + why + ". Finished runs are kept in " + dir.resolve("results")
                + " (" + kept + " so far, and those still running); the same command resumes from them", cause);
    }

    private Outcome summarise(Path dir, String scenarioSha, String code, Map<RunKey, StoredRun> done, List<RunKey> ran,
                              List<RunKey> reused) {
        List<RunFigures> figures = new ArrayList<>();
        done.forEach((key, run) -> figures.add(new RunFigures(key.seed(), key.policy().label(),
                ExperimentReport.figures(run.accounting()), run.predictor())));
        PercentileBootstrap bootstrap = PercentileBootstrap.defaults();
        String failures = plan.failures() == null ? "drawn from the seed"
                : "replayed from " + plan.failures().file().getFileName() + " (SHA-256 " + plan.failures().sha256().substring(0, 12) + ")"
                        + (plan.failures().from() == null ? "" : " from " + plan.failures().from());
        SweepHeader header = new SweepHeader(plan.scenario().name(), scenarioSha, plan.seeds(),
                plan.policies().stream().map(Policy::label).toList(), SweepPlan.REFERENCE.label(), "in-process", plan.consolidation(),
                plan.horizonTicks(), failures, code, plan.scenario().durationHours(), CONFIDENCE, bootstrap.resamples(), bootstrap.seed());
        SweepSummary summary = SweepSummary.of(header, figures, bootstrap);
        Path json = SummaryFiles.writeJson(summary, dir);
        Path csv = SummaryFiles.writeCsv(summary, dir);
        Path seeds = SummaryFiles.writeSeedsCsv(summary, dir);
        Path html = new SweepReport(summary).write(dir);
        err.println("sweep: " + plan.runs().size() + " runs over seeds " + SeedText.describe(plan.seeds()) + " summarised");
        return new Outcome(List.copyOf(ran), reused, summary, json, csv, seeds, html);
    }

    private static void createOutputDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("cannot create the output directory " + dir + ": " + e.getFile()
                    + " exists and is not a directory", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot create the output directory " + dir + ": permission denied on " + e.getFile(), e);
        } catch (FileSystemException e) {
            throw new IllegalArgumentException("cannot create the output directory " + dir + ": "
                    + (e.getReason() != null ? e.getReason() : e.getMessage()), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the output directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("cannot write to the output directory " + dir);
        }
    }

    private static void deleteTree(Path root) throws UncheckedIOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
