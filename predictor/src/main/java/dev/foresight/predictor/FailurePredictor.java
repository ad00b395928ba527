package dev.foresight.predictor;

import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.feature.Features;
import dev.foresight.predictor.calibration.ProbabilityScale;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted node-failure model: feature vector in, probability-like failure score out.
 *
 * <p>Create one with {@link #fit(FeatureSchema, List, PredictorOptions)}. The score is in [0, 1]
 * and ranks windows by risk; when classes were balanced in training it is not the calibrated
 * base-rate probability, so alarms are raised against a threshold chosen on validation data
 * ({@code ThresholdCalibrator}), never against 0.5.
 *
 * <p>Missing values (NaN, infinities) are replaced by the training mean of their column before
 * scoring, for every algorithm.
 *
 * <p>Immutable, thread-safe for scoring, and {@link Serializable}: {@code ModelCodec} turns it
 * into the bytes of a model release. The serialized form holds nothing time-dependent, so the
 * same examples and options give byte-identical models.
 */
public final class FailurePredictor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final FeatureSchema schema;
    private final ColumnImputer imputer;
    private final Scorer scorer;
    private final TrainingSummary summary;
    /** Maps the scorer's ranking score to a probability of failure within the horizon; null: the raw score. */
    private final ProbabilityScale scale;

    private FailurePredictor(FeatureSchema schema, ColumnImputer imputer, Scorer scorer, TrainingSummary summary,
                             ProbabilityScale scale) {
        this.schema = schema;
        this.imputer = imputer;
        this.scorer = scorer;
        this.summary = summary;
        this.scale = scale;
    }

    /**
     * The same model with its scores mapped to probabilities by {@code probabilityScale} (fitted on held-out
     * scores of this model, as {@link #rawScores} gives them).
     */
    public FailurePredictor withScale(ProbabilityScale probabilityScale) {
        return new FailurePredictor(schema, imputer, scorer, summary, probabilityScale);
    }

    /** The probability scale, if the model has one. */
    public java.util.Optional<ProbabilityScale> scale() {
        return java.util.Optional.ofNullable(scale);
    }

    /** The scorer's ranking scores of examples, before any probability scale: what a scale is fitted on. */
    public double[] rawScores(List<Example> examples) {
        return withScale(null).probabilities(examples);
    }

    private double scaled(double raw) {
        return scale == null ? raw : scale.apply(raw);
    }

    /**
     * Fits a model on examples whose features have no names (columns are named {@code x0, x1, ...}).
     *
     * @see #fit(FeatureSchema, List, PredictorOptions)
     */
    public static FailurePredictor fit(List<Example> examples, PredictorOptions options) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to train on");
        }
        return fit(FeatureSchema.anonymous(examples.get(0).featureCount()), examples, options);
    }

    /**
     * Fits a model.
     *
     * <p>The examples are put in a canonical order (time, then node) first, so the model depends
     * on the set of examples, not on their delivery order. Example weights are not used here
     * (see {@link Example#weight()}); class balance is set by {@link PredictorOptions#imbalance()}.
     *
     * @param schema   names of the feature columns, in the examples' layout
     * @param examples training examples; at least one of each class
     * @param options  algorithm, hyper-parameters, balance and seed
     * @throws IllegalArgumentException if a class is missing or a feature vector does not match the schema
     */
    public static FailurePredictor fit(FeatureSchema schema, List<Example> examples, PredictorOptions options) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(options, "options");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to train on");
        }
        TrainingData data = TrainingData.prepare(examples, schema.size(), options);
        int balance = data.balanceFactor(options.imbalance());
        Scorer scorer = switch (options.algorithm()) {
            case RANDOM_FOREST -> ForestScorer.fit(data, options.forest(), balance, options.seed());
            case GRADIENT_BOOSTING -> BoostingScorer.fit(data.withPositivesRepeated(balance), options.boosting(),
                    options.seed());
            case LOGISTIC_REGRESSION -> LogisticScorer.fit(data.withPositivesRepeated(balance), options.logistic());
        };
        TrainingSummary summary = new TrainingSummary(options.algorithm(), options.seed(), data.examples,
                data.positives, data.negatives, data.negativesUsed, balance, schema.size());
        return new FailurePredictor(schema, data.imputer, scorer, summary, null);
    }

    /**
     * The failure score of one feature vector laid out as {@link #schema()}.
     *
     * @throws IllegalArgumentException if the vector's length differs from the schema's
     */
    public double probability(double[] features) {
        if (features.length != schema.size()) {
            throw new IllegalArgumentException("expected " + schema.size() + " features, got " + features.length);
        }
        return scaled(scorer.score(imputer.apply(features)));
    }

    /** The failure score of a named vector, aligned to the schema by name (absent names count as missing). */
    public double probability(Features features) {
        return probability(schema.align(features));
    }

    /** Scores of many vectors, in order. */
    public double[] probabilities(double[][] rows) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = probability(rows[i]);
        }
        return scores;
    }

    /** Scores of examples' feature vectors, in order. */
    public double[] probabilities(List<Example> examples) {
        double[] scores = new double[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            Example example = examples.get(i);
            if (example.featureCount() != schema.size()) {
                throw new IllegalArgumentException("expected " + schema.size() + " features, got "
                        + example.featureCount() + " in " + example);
            }
            scores[i] = scaled(scorer.score(imputer.apply(example)));
        }
        return scores;
    }

    public Algorithm algorithm() {
        return summary.algorithm();
    }

    /** The feature columns the model expects, in order. */
    public FeatureSchema schema() {
        return schema;
    }

    public TrainingSummary summary() {
        return summary;
    }

    /** Feature importance by name, in schema order (see {@link Scorer#importance()} for the measure). */
    public Map<String, Double> importance() {
        double[] values = scorer.importance();
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int j = 0; j < values.length; j++) {
            byName.put(schema.names().get(j), values[j]);
        }
        return byName;
    }

    @Override
    public String toString() {
        return "FailurePredictor[" + summary + "]";
    }
}
