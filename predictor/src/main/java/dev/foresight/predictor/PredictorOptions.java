package dev.foresight.predictor;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a {@link FailurePredictor} is fitted: the algorithm, its hyper-parameters, class balance
 * and the seed. Every option has a default ({@link #defaults()}); change one with the
 * {@code with...} methods. Only the options of the chosen algorithm are used.
 *
 * @param algorithm the learner (default {@link Algorithm#RANDOM_FOREST})
 * @param seed      the seed of every random choice of the fit (bootstrap, feature sampling,
 *                  negative sampling): same examples and seed give the same model, byte for byte
 * @param forest    random forest hyper-parameters
 * @param boosting  gradient boosting hyper-parameters
 * @param logistic  logistic regression hyper-parameters
 * @param imbalance how the rare failure class is handled
 */
public record PredictorOptions(Algorithm algorithm, long seed, Forest forest, Boosting boosting, Logistic logistic,
                               Imbalance imbalance) implements Serializable {

    public PredictorOptions {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(forest, "forest");
        Objects.requireNonNull(boosting, "boosting");
        Objects.requireNonNull(logistic, "logistic");
        Objects.requireNonNull(imbalance, "imbalance");
    }

    /** Random forest, seed 42, every other option at its default. */
    public static PredictorOptions defaults() {
        return new PredictorOptions(Algorithm.RANDOM_FOREST, 42L, Forest.defaults(), Boosting.defaults(),
                Logistic.defaults(), Imbalance.defaults());
    }

    public PredictorOptions withAlgorithm(Algorithm value) {
        return new PredictorOptions(value, seed, forest, boosting, logistic, imbalance);
    }

    public PredictorOptions withSeed(long value) {
        return new PredictorOptions(algorithm, value, forest, boosting, logistic, imbalance);
    }

    public PredictorOptions withForest(Forest value) {
        return new PredictorOptions(algorithm, seed, value, boosting, logistic, imbalance);
    }

    public PredictorOptions withBoosting(Boosting value) {
        return new PredictorOptions(algorithm, seed, forest, value, logistic, imbalance);
    }

    public PredictorOptions withLogistic(Logistic value) {
        return new PredictorOptions(algorithm, seed, forest, boosting, value, imbalance);
    }

    public PredictorOptions withImbalance(Imbalance value) {
        return new PredictorOptions(algorithm, seed, forest, boosting, logistic, value);
    }

    /**
     * Random forest hyper-parameters (Smile {@code RandomForest.fit}).
     *
     * @param trees     number of trees (default 80)
     * @param maxNodes  maximum leaves per tree (default 200): the cap that keeps a released model
     *                  well under Kafka's 1 MB message limit (Smile's own default, n/5, gives ~22 MB)
     * @param maxDepth  maximum tree depth (default 20)
     * @param nodeSize  a node with fewer samples is not split (default 5)
     * @param mtry      features tried per split; 0 means floor(sqrt(features)) (default 0)
     * @param subsample 1.0 samples with replacement (bootstrap); below 1 samples that fraction
     *                  without replacement (default 1.0)
     */
    public record Forest(int trees, int maxNodes, int maxDepth, int nodeSize, int mtry, double subsample)
            implements Serializable {

        public Forest {
            positive("trees", trees);
            if (maxNodes < 2) {
                throw new IllegalArgumentException("maxNodes must be at least 2: " + maxNodes);
            }
            positive("maxDepth", maxDepth);
            positive("nodeSize", nodeSize);
            if (mtry < 0) {
                throw new IllegalArgumentException("mtry must be 0 (sqrt) or positive: " + mtry);
            }
            fraction("subsample", subsample);
        }

        public static Forest defaults() {
            return new Forest(80, 200, 20, 5, 0, 1.0);
        }

        public Forest withTrees(int value) {
            return new Forest(value, maxNodes, maxDepth, nodeSize, mtry, subsample);
        }

        public Forest withMaxNodes(int value) {
            return new Forest(trees, value, maxDepth, nodeSize, mtry, subsample);
        }
    }

    /**
     * Gradient tree boosting hyper-parameters (Smile {@code GradientTreeBoost.fit}, logistic loss).
     *
     * @param trees     boosting iterations (default 100)
     * @param maxNodes  maximum leaves per tree (default 6, Smile's default: shallow trees boost best)
     * @param maxDepth  maximum tree depth (default 20; maxNodes binds first)
     * @param nodeSize  a node with fewer samples is not split (default 5)
     * @param shrinkage learning rate in (0, 1] (default 0.1)
     * @param subsample fraction of examples per iteration, stratified by class (default 0.7)
     */
    public record Boosting(int trees, int maxNodes, int maxDepth, int nodeSize, double shrinkage, double subsample)
            implements Serializable {

        public Boosting {
            positive("trees", trees);
            if (maxNodes < 2) {
                throw new IllegalArgumentException("maxNodes must be at least 2: " + maxNodes);
            }
            positive("maxDepth", maxDepth);
            positive("nodeSize", nodeSize);
            fraction("shrinkage", shrinkage);
            fraction("subsample", subsample);
        }

        public static Boosting defaults() {
            return new Boosting(100, 16, 20, 5, 0.1, 0.7);
        }

        public Boosting withTrees(int value) {
            return new Boosting(value, maxNodes, maxDepth, nodeSize, shrinkage, subsample);
        }
    }

    /**
     * Logistic regression hyper-parameters (Smile {@code LogisticRegression.binomial}). Features
     * are standardised with the training mean and standard deviation first, so one lambda suits
     * features of any scale.
     *
     * @param lambda        L2 regularisation (default 1)
     * @param tolerance     convergence tolerance of L-BFGS (default 1e-5)
     * @param maxIterations iteration cap of L-BFGS (default 500)
     */
    public record Logistic(double lambda, double tolerance, int maxIterations) implements Serializable {

        public Logistic {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("lambda must be finite and non-negative: " + lambda);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
            }
            positive("maxIterations", maxIterations);
        }

        public static Logistic defaults() {
            return new Logistic(1.0, 1e-5, 500);
        }
    }

    /**
     * Class imbalance. Failures are rare, so by default each class weighs the same in training.
     *
     * @param balanceClasses          weight the classes equally: the random forest draws each tree's
     *                                negatives down to the number of positives (Smile class weights,
     *                                i.e. balanced bagging); boosting and logistic regression repeat
     *                                each positive {@code negatives / positives} times (default true)
     * @param maxClassWeight          cap on that ratio (default 10): full balance at a 1:40 mix
     *                                would leave each forest tree with 1/40 of the healthy windows,
     *                                or repeat every failure 40 times; partial balance kept more of
     *                                the healthy variety and scored better on the synthetic fleet
     * @param maxNegativesPerPositive before anything else, keep at most this many negatives per
     *                                positive, chosen at random with the fit's seed; 0 keeps all (default 0)
     */
    public record Imbalance(boolean balanceClasses, int maxClassWeight, double maxNegativesPerPositive)
            implements Serializable {

        public Imbalance {
            positive("maxClassWeight", maxClassWeight);
            if (!(maxNegativesPerPositive >= 0) || Double.isInfinite(maxNegativesPerPositive)) {
                throw new IllegalArgumentException(
                        "maxNegativesPerPositive must be finite and non-negative: " + maxNegativesPerPositive);
            }
        }

        /** The default {@code maxClassWeight}. */
        public static final int DEFAULT_MAX_CLASS_WEIGHT = 10;

        public static Imbalance defaults() {
            return new Imbalance(true, DEFAULT_MAX_CLASS_WEIGHT, 0);
        }

        /** No balancing and no sampling: the natural class mix. */
        public static Imbalance none() {
            return new Imbalance(false, 1, 0);
        }

        public Imbalance withMaxNegativesPerPositive(double value) {
            return new Imbalance(balanceClasses, maxClassWeight, value);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void fraction(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1]: " + value);
        }
    }
}
