package dev.foresight.predictor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The design matrix a learner sees: examples in a canonical order, negatives sampled if asked,
 * missing values imputed. Everything here is a pure function of the examples and the options.
 */
final class TrainingData {

    /** Salt so negative sampling and the learner do not draw the same random sequence from one seed. */
    private static final long SAMPLING_SALT = 0x5DEECE66DL;

    final double[][] x;
    final int[] y;
    final ColumnImputer imputer;
    final int examples;
    final int positives;
    final int negatives;
    final int negativesUsed;

    private TrainingData(double[][] x, int[] y, ColumnImputer imputer, int examples, int positives, int negatives) {
        this.x = x;
        this.y = y;
        this.imputer = imputer;
        this.examples = examples;
        this.positives = positives;
        this.negatives = negatives;
        int used = 0;
        for (int label : y) {
            used += 1 - label;
        }
        this.negativesUsed = used;
    }

    static TrainingData prepare(List<Example> examples, int features, PredictorOptions options) {
        List<Example> ordered = canonicalOrder(examples);
        int positives = 0;
        for (Example example : ordered) {
            if (example.featureCount() != features) {
                throw new IllegalArgumentException("example has " + example.featureCount()
                        + " features, the schema has " + features + ": " + example);
            }
            positives += example.failed() ? 1 : 0;
        }
        int negatives = ordered.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("training needs both classes; got " + positives
                    + " positive and " + negatives + " negative examples");
        }

        ColumnImputer imputer = ColumnImputer.fit(ordered, features);
        List<Example> kept = sampleNegatives(ordered, positives, negatives, options);
        double[][] x = new double[kept.size()][];
        int[] y = new int[kept.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = imputer.apply(kept.get(i));
            y[i] = kept.get(i).failed() ? 1 : 0;
        }
        return new TrainingData(x, y, imputer, ordered.size(), positives, negatives);
    }

    /**
     * The ratio negatives/positives of the design matrix, rounded and capped, or 1 when classes
     * are not balanced.
     */
    int balanceFactor(PredictorOptions.Imbalance imbalance) {
        if (!imbalance.balanceClasses()) {
            return 1;
        }
        long ratio = Math.round((double) negativesUsed / positives);
        return (int) Math.max(1, Math.min(imbalance.maxClassWeight(), ratio));
    }

    /** The design matrix with each positive row repeated {@code times} times (a class weight for learners without one). */
    TrainingData withPositivesRepeated(int times) {
        if (times == 1) {
            return this;
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            int copies = y[i] == 1 ? times : 1;
            for (int c = 0; c < copies; c++) {
                rows.add(x[i]);
                labels.add(y[i]);
            }
        }
        return new TrainingData(rows.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray(), imputer, examples, positives, negatives);
    }

    int features() {
        return x[0].length;
    }

    /**
     * Sorts by time then node (stable), so a model depends on which examples it gets, not on the
     * order a buffer or a replay happened to deliver them in.
     */
    private static List<Example> canonicalOrder(List<Example> examples) {
        List<Example> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparingLong(Example::timeMillis).thenComparing(Example::nodeId));
        return ordered;
    }

    /** Keeps every positive and a seeded random subset of the negatives, in the original order. */
    private static List<Example> sampleNegatives(List<Example> ordered, int positives, int negatives,
                                                 PredictorOptions options) {
        double ratio = options.imbalance().maxNegativesPerPositive();
        long wanted = ratio == 0 ? negatives : Math.max(1, (long) Math.floor(ratio * positives));
        if (wanted >= negatives) {
            return ordered;
        }
        // selection sampling (Knuth's algorithm S): exactly `wanted` negatives, order preserved
        SplittableRandom random = new SplittableRandom(options.seed() ^ SAMPLING_SALT);
        List<Example> kept = new ArrayList<>();
        long seen = 0;
        long selected = 0;
        for (Example example : ordered) {
            if (example.failed()) {
                kept.add(example);
                continue;
            }
            if (random.nextDouble() * (negatives - seen) < wanted - selected) {
                kept.add(example);
                selected++;
            }
            seen++;
        }
        return kept;
    }
}
