package dev.foresight.predictor;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * A Smile random forest, reduced to what scoring needs: the trees and their weights.
 *
 * <p>Why not keep the {@code RandomForest} itself: it carries out-of-bag metrics that include
 * wall-clock fit and score times, and an overall OOB error tallied by racing threads, so two
 * identical fits would never serialize to identical bytes. The trees and their weights (each
 * tree's own OOB accuracy) are pure functions of the data and the tree's seed.
 *
 * <p>Determinism: Smile 3.1.1 grows trees in parallel and seeds each tree's thread-local RNG
 * from the seed stream, but only for seeds greater than 1 (its default stream is negative and
 * seeds nothing); the seeds here are derived from the fit's seed and always greater than 1.
 * Within a tree the split search is sequential when features are sampled; with mtry equal to the
 * feature count it runs in parallel but reduces in encounter order (ties go to the lower column),
 * so nothing depends on thread scheduling either way.
 */
final class ForestScorer implements Scorer {

    private static final long serialVersionUID = 1L;

    private final DecisionTree[] trees;
    private final double[] weights;
    private final double totalWeight;
    private final StructType schema;
    private final double[] importance;

    private ForestScorer(DecisionTree[] trees, double[] weights, StructType schema, double[] importance) {
        this.trees = trees;
        this.weights = weights;
        this.totalWeight = Arrays.stream(weights).sum();
        this.schema = schema;
        this.importance = importance;
    }

    static ForestScorer fit(TrainingData data, PredictorOptions.Forest options, int negativeWeight, long seed) {
        int features = data.features();
        int mtry = options.mtry() > 0 ? Math.min(options.mtry(), features) : Math.max(1, (int) Math.sqrt(features));
        RandomForest forest = RandomForest.fit(SmileFrames.formula(), SmileFrames.frame(data), options.trees(), mtry,
                SplitRule.GINI, options.maxDepth(), options.maxNodes(), options.nodeSize(), options.subsample(),
                new int[] {negativeWeight, 1}, LongStream.of(treeSeeds(seed, options.trees())));

        RandomForest.Model[] models = forest.models();
        DecisionTree[] trees = new DecisionTree[models.length];
        double[] weights = new double[models.length];
        boolean finite = true;
        for (int i = 0; i < models.length; i++) {
            trees[i] = models[i].tree;
            weights[i] = models[i].weight;
            finite &= Double.isFinite(weights[i]) && weights[i] > 0;
        }
        if (!finite) {
            // a tree without out-of-bag samples has no accuracy to weigh its vote by: fall back to equal votes
            Arrays.fill(weights, 1.0);
        }
        return new ForestScorer(trees, weights, trees[0].schema(), forest.importance().clone());
    }

    @Override
    public double score(double[] row) {
        Tuple tuple = Tuple.of(row, schema);
        double[] posterior = new double[2];
        double failure = 0;
        for (int i = 0; i < trees.length; i++) {
            trees[i].predict(tuple, posterior);
            failure += weights[i] * posterior[1];
        }
        return failure / totalWeight;
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    /** Distinct seeds greater than 1, one per tree, derived from the fit's seed. */
    static long[] treeSeeds(long seed, int trees) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        long[] seeds = new long[trees];
        for (int i = 0; i < trees; ) {
            long candidate = random.nextLong() >>> 1;
            if (candidate > 1 && seen.add(candidate)) {
                seeds[i++] = candidate;
            }
        }
        return seeds;
    }
}
