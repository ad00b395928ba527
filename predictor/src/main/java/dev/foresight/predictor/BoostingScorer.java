package dev.foresight.predictor;

import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.math.MathEx;

/**
 * A Smile gradient tree boosting model (binary logistic loss).
 *
 * <p>Determinism: Smile 3.1.1's boosting takes no seed; its stochastic subsampling draws from
 * {@code MathEx}'s thread-local RNG on the calling thread, so the fit seeds that RNG first. This
 * reseeds the calling thread's Smile RNG as a side effect. The split search runs in parallel
 * over features but reduces in encounter order, so the trees do not depend on scheduling.
 */
final class BoostingScorer implements Scorer {

    private static final long serialVersionUID = 1L;

    private final GradientTreeBoost model;
    /** The predictor schema; one instance, because Smile's formula caches its column binding per schema instance. */
    private final StructType schema;

    private BoostingScorer(GradientTreeBoost model, StructType schema) {
        this.model = model;
        this.schema = schema;
    }

    static BoostingScorer fit(TrainingData data, PredictorOptions.Boosting options, long seed) {
        MathEx.setSeed(seed);
        GradientTreeBoost model = GradientTreeBoost.fit(SmileFrames.formula(), SmileFrames.frame(data),
                options.trees(), options.maxDepth(), options.maxNodes(), options.nodeSize(),
                options.shrinkage(), options.subsample());
        return new BoostingScorer(model, model.schema());
    }

    @Override
    public double score(double[] row) {
        double[] posterior = new double[2];
        model.predict(Tuple.of(row, schema), posterior);
        return posterior[1];
    }

    @Override
    public double[] importance() {
        return model.importance().clone();
    }
}
