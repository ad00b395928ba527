package dev.foresight.experiments;

import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.offline.HorizonLength;
import dev.foresight.experiments.offline.OfflineModel;
import dev.foresight.experiments.offline.OfflineModelFile;
import dev.foresight.experiments.offline.OfflineOptions;
import dev.foresight.experiments.offline.OfflineTrainer;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.experiments.sweep.CodeFingerprint;
import dev.foresight.experiments.sweep.ScenarioDigest;
import dev.foresight.schemas.ModelRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Learning from history, as operators do: before a run, the same cluster is simulated for N days under an
 * independent seed (open loop, periodic checkpoints), a model is trained offline on that recording (its oldest 70 %
 * fits, its newest 30 % picks the threshold, Platt scaling makes scores probabilities), and the run's learned
 * predictor starts from it as version 0. The online trainer keeps learning; champion/challenger still decides whether
 * anything replaces it.
 *
 * <p>The history is the cluster's, not the run's: its seed is the scenario's seed plus {@value #HISTORY_SEED_OFFSET},
 * whatever seed a run uses, as a site trains once on its own past and then lives many futures. Its random streams are
 * independent of every run seed's, so a run never meets the failures its model was trained on. Recording and model
 * are cached under the cache directory by scenario content, history seed, days, horizon and a fingerprint of the code,
 * so a demo or a sweep trains once.
 */
public final class HistoryModels {

    /** Added to the scenario's seed to draw its history: any fixed offset gives independent random streams. */
    public static final long HISTORY_SEED_OFFSET = 1_000_003L;
    /** The precision the history model's threshold is calibrated for, per alarm episode on its validation period. */
    public static final double TARGET_EPISODE_PRECISION = 0.9;

    private static final java.util.concurrent.ConcurrentMap<Path, Object> TRAINING = new java.util.concurrent.ConcurrentHashMap<>();

    private HistoryModels() {}

    /**
     * The history model for a run: trained now, or read from the cache.
     *
     * @param scenario     the run's scenario (its duration is replaced by the history's)
     * @param horizonTicks the run's prediction horizon
     */
    public static ModelRelease forRun(Scenario scenario, int days, long horizonTicks, Path cacheDir,
                                      Consumer<String> progress) throws InterruptedException, TimeoutException {
        if (days < 1) {
            throw new IllegalArgumentException("history days must be >= 1, got " + days);
        }
        long historySeed = scenario.seed() + HISTORY_SEED_OFFSET;
        Scenario history = scenario.withDurationTicks(days * 86_400L / scenario.tickSeconds()).withSeed(historySeed);
        String key = String.format(Locale.ROOT, "%s-%s-seed%d-%dd-h%d-%s", safe(scenario.name()),
                ScenarioDigest.of(history).substring(0, 12), historySeed, days, horizonTicks, CodeFingerprint.current().substring(0, 12));
        Path dir = cacheDir.resolve(key);
        Path modelFile = dir.resolve("model.json");
        // runs of one sweep ask at once: the first trains, the others wait for it and read its model
        synchronized (TRAINING.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new Object())) {
            if (!Files.isRegularFile(modelFile)) {
                train(history, historySeed, horizonTicks, dir, progress);
            } else {
                progress.accept("history: reusing " + modelFile);
            }
        }
        OfflineModel model = OfflineModelFile.read(modelFile);
        return OfflineModelFile.release(model, modelFile, scenario.startInstant());
    }

    private static void train(Scenario history, long historySeed, long horizonTicks, Path dir, Consumer<String> progress)
            throws InterruptedException, TimeoutException {
        Path staging;
        try {
            Files.createDirectories(dir.getParent());
            staging = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the history cache " + dir.getParent() + ": " + e.getMessage(), e);
        }
        try {
            progress.accept(String.format(Locale.ROOT, "history: simulating %.0f days of %s (seed %d) to train the predictor",
                    history.durationHours() / 24, history.name(), historySeed));
            ExperimentOptions open = ExperimentOptions.defaults(staging).withEngine(Engine.INPROCESS)
                    .withPolicies(List.of(Policy.PERIODIC)).withHorizonTicks(horizonTicks).withProgress(false);
            Path recording = staging.resolve("recording");
            new ExperimentRunner(open).runInProcess(history, historySeed, Policy.PERIODIC, recording);
            OfflineOptions options = OfflineOptions.defaults().withHorizons(List.of(HorizonLength.ticks(horizonTicks)))
                    .withTargetPrecision(TARGET_EPISODE_PRECISION).withEarlyMargin(LabelPolicy.DEFAULT_EARLY_MARGIN);
            OfflineTrainer.train(recording, options, staging.resolve("model.json"), line -> progress.accept("history: " + line));
            move(staging, dir);
        } finally {
            deleteQuietly(staging);
        }
    }

    /** Into place at once, so a cache entry is complete or absent; a concurrent trainer of the same key may win. */
    private static void move(Path staging, Path dir) {
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("the history cache needs a file system with atomic renames", e);
        } catch (IOException e) {
            if (!Files.isRegularFile(dir.resolve("model.json"))) {
                throw new UncheckedIOException("cannot move the history model into " + dir + ": " + e.getMessage(), e);
            }
            // another process trained the same history meanwhile: same inputs, same model
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover staging directory is named .tmp- and never read
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
