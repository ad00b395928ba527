package dev.foresight.bench.predictor;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.release.ModelCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput of each predictor algorithm, in rows per second: one row at a time (the
 * streaming scorer's case, one call per telemetry record) and in batches (offline evaluation).
 *
 * <p>The model is fitted once per trial, with default options, on a synthetic set shaped like
 * the pipeline's: 78 features (3 windows x 4 metrics), about 3% positives with a precursor
 * signal in a few features. Run with JMH, or without it through {@link #main}, which prints fit
 * time, model size and rows/s per algorithm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PredictorScoringBenchmark {

    static final int FEATURES = 78;
    static final int TRAINING_ROWS = 10_000;
    static final int SCORED_ROWS = 4_096;
    static final int BATCH = 1_024;

    @Param({"RANDOM_FOREST", "GRADIENT_BOOSTING", "LOGISTIC_REGRESSION"})
    public Algorithm algorithm;

    private FailurePredictor model;
    private double[][] rows;
    private double[][] batch;
    private int next;

    @Setup(Level.Trial)
    public void fit() {
        model = FailurePredictor.fit(examples(TRAINING_ROWS, 1), PredictorOptions.defaults().withAlgorithm(algorithm));
        rows = examples(SCORED_ROWS, 2).stream().map(Example::features).toArray(double[][]::new);
        batch = Arrays.copyOf(rows, BATCH);
    }

    @Benchmark
    public double singleRow() {
        double[] row = rows[next];
        next = (next + 1) % rows.length;
        return model.probability(row);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double[] batchOf1024() {
        return model.probabilities(batch);
    }

    /**
     * Synthetic examples: standard normal features; positives (3%) shift the first six features
     * (a drifting temperature, a climbing error counter) by one to two standard deviations.
     */
    static List<Example> examples(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Example> examples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean failed = random.nextDouble() < 0.03;
            double[] features = new double[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                features[j] = random.nextGaussian() + (failed && j < 6 ? 1 + random.nextDouble() : 0);
            }
            String node = "node-" + (i % 100);
            long time = i * 60_000L;
            examples.add(failed
                    ? Example.positive(node, time, features, 30 * 60_000L)
                    : Example.negative(node, time, features));
        }
        return examples;
    }

    /** What {@link #measure(double)} found for one algorithm. */
    public record Result(Algorithm algorithm, double fitSeconds, int modelBytes, double singleRowsPerSecond,
                         double batchRowsPerSecond) {}

    /** Prints fit time, model size and scoring rows/s per algorithm, without JMH. */
    public static void main(String[] args) {
        System.out.printf("%-20s %10s %12s %14s %14s%n", "algorithm", "fit s", "model bytes", "single rows/s",
                "batch rows/s");
        for (Result r : measure(2.0)) {
            System.out.printf("%-20s %10.2f %,12d %,14.0f %,14.0f%n", r.algorithm(), r.fitSeconds(), r.modelBytes(),
                    r.singleRowsPerSecond(), r.batchRowsPerSecond());
        }
    }

    /**
     * Per algorithm: fits a model on the synthetic training set, then scores for about {@code seconds} one row
     * at a time and {@code seconds} in one batch (after a warm-up of half that), without JMH.
     */
    public static List<Result> measure(double seconds) {
        List<Example> training = examples(TRAINING_ROWS, 1);
        double[][] scored = examples(SCORED_ROWS, 2).stream().map(Example::features).toArray(double[][]::new);
        List<Result> results = new ArrayList<>();
        for (Algorithm algorithm : Algorithm.values()) {
            long start = System.nanoTime();
            FailurePredictor model = FailurePredictor.fit(training, PredictorOptions.defaults().withAlgorithm(algorithm));
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            int bytes = ModelCodec.encode(model).length;
            measure(() -> singleRows(model, scored), seconds / 2); // warm-up
            double single = measure(() -> singleRows(model, scored), seconds);
            double batched = measure(() -> model.probabilities(scored).length, seconds);
            results.add(new Result(algorithm, fitSeconds, bytes, single, batched));
        }
        return results;
    }

    private static int singleRows(FailurePredictor model, double[][] scored) {
        double sink = 0;
        for (double[] row : scored) {
            sink += model.probability(row);
        }
        return sink >= 0 ? scored.length : 0;
    }

    /** Rows per second of a task that scores some rows and returns how many, repeated for about {@code seconds}. */
    private static double measure(IntSupplier task, double seconds) {
        long rows = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long now;
        do {
            rows += task.getAsInt();
            now = System.nanoTime();
        } while (now < deadline);
        return rows / ((now - start) / 1e9);
    }
}
