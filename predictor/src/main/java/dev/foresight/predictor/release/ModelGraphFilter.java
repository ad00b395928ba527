package dev.foresight.predictor.release;

import dev.foresight.predictor.FailurePredictor;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what the object graph of a model payload may hold, and remembers why it refused, so the error can name it.
 *
 * <p>Java deserialization runs the {@code readObject} and {@code readResolve} code of every class the stream names,
 * and {@code HashMap} (or {@code Set.of}) hashes what it is given: a graph of nested sets whose hash codes take 2^depth
 * steps ("SerialDOS") pins a core for ever, a declared {@code double[2^31-9]} exhausts the heap. So only the exact
 * classes a {@link FailurePredictor} is made of are accepted (listed by serialising every algorithm's model: see
 * {@code ModelGraphShapeTest}), within the {@link ModelLimits}, and the only collections a model holds (Smile's
 * column index {@code HashMap<String, Integer>}, the schema's {@code List<String>}) may hold no collection.
 *
 * <p>One instance per decoded payload: it keeps the first refusal.
 */
final class ModelGraphFilter implements ObjectInputFilter {

    /** Every class the stream of a model names: found by serialising each algorithm's model, nothing more. */
    static final Set<String> MODEL_CLASSES = Set.of(
            "dev.foresight.predictor.Algorithm",
            "dev.foresight.predictor.BoostingScorer",
            "dev.foresight.predictor.ColumnImputer",
            "dev.foresight.predictor.FailurePredictor",
            "dev.foresight.predictor.ForestScorer",
            "dev.foresight.predictor.LogisticScorer",
            "dev.foresight.predictor.TrainingSummary",
            "dev.foresight.predictor.calibration.ProbabilityScale",
            "dev.foresight.predictor.feature.FeatureSchema",
            "smile.base.cart.CART",
            "smile.base.cart.DecisionNode",
            "smile.base.cart.InternalNode",
            "smile.base.cart.LeafNode",
            "smile.base.cart.OrdinalNode",
            "smile.base.cart.RegressionNode",
            "smile.base.cart.SplitRule",
            "smile.classification.AbstractClassifier",
            "smile.classification.DecisionTree",
            "smile.classification.GradientTreeBoost",
            "smile.classification.LogisticRegression",
            "smile.classification.LogisticRegression$Binomial",
            "smile.data.formula.Formula",
            "smile.data.formula.Variable",
            "smile.data.type.DoubleType",
            "smile.data.type.IntegerType",
            "smile.data.type.StructField",
            "smile.data.type.StructType",
            "smile.regression.RegressionTree",
            "smile.util.IntSet",
            "java.lang.Enum",
            "java.lang.Integer",
            "java.lang.Number",
            "java.util.HashMap",
            // List.copyOf's serial proxy and what it resolves to (FeatureSchema's names; List12 for one or two)
            "java.util.CollSer",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "[D",
            "[I",
            "[Ljava.lang.Object;",
            "[Ljava.util.Map$Entry;",
            "[Lsmile.classification.DecisionTree;",
            "[Lsmile.data.formula.Term;",
            "[Lsmile.data.type.StructField;",
            "[Lsmile.regression.RegressionTree;");

    private final ModelLimits limits;
    private String refusal;

    ModelGraphFilter(ModelLimits limits) {
        this.limits = limits;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > ModelLimits.MAX_DEPTH) {
            return refuse("an object graph nested " + info.depth() + " deep (a model needs at most "
                    + ModelLimits.MAX_DEPTH + ")");
        }
        if (info.arrayLength() > ModelLimits.MAX_ARRAY_LENGTH) {
            Class<?> type = info.serialClass();
            return refuse("an array of " + info.arrayLength() + " elements"
                    + (type == null ? "" : " (" + type.getTypeName() + ")")
                    + " (a model needs at most " + ModelLimits.MAX_ARRAY_LENGTH + ")");
        }
        if (info.references() > limits.maxReferences()) {
            return refuse("more than " + limits.maxReferences() + " objects and references");
        }
        if (info.streamBytes() > limits.maxStreamBytes()) {
            return refuse("more than " + limits.maxStreamBytes() + " bytes of serialized objects");
        }
        Class<?> type = info.serialClass();
        if (type != null && !MODEL_CLASSES.contains(type.getName())) {
            return refuse("class " + type.getTypeName() + ", which is no part of a model");
        }
        return Status.ALLOWED;
    }

    /**
     * Checks an object once it is built (after its {@code readResolve}, which may turn an allowed proxy into a class
     * the stream never named), before anything uses it as a key.
     *
     * @throws InvalidObjectException if the object is refused
     */
    void checkBuilt(Object built) throws InvalidObjectException {
        if (built == null || built instanceof String || built instanceof Enum<?>) {
            return;
        }
        Class<?> type = built.getClass();
        if (!MODEL_CLASSES.contains(type.getName())) {
            throw refused("class " + type.getTypeName() + ", which is no part of a model");
        }
        if (built instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                requireFlat(entry.getKey(), type);
                requireFlat(entry.getValue(), type);
            }
        } else if (built instanceof Collection<?> collection) {
            for (Object element : collection) {
                requireFlat(element, type);
            }
        }
    }

    ModelLimits limits() {
        return limits;
    }

    /** The first refusal, if any: what the payload holds that a model must not. */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Collections of collections are what hash in exponential time; a model holds none. */
    private void requireFlat(Object element, Class<?> container) throws InvalidObjectException {
        if (element != null && !(element instanceof String) && !(element instanceof Integer)) {
            throw refused("a " + container.getTypeName() + " holding a " + element.getClass().getTypeName()
                    + " (a model's collections hold only strings and integers)");
        }
    }

    private Status refuse(String what) {
        if (refusal == null) {
            refusal = what;
        }
        return Status.REJECTED;
    }

    private InvalidObjectException refused(String what) {
        refuse(what);
        return new InvalidObjectException("refused " + what);
    }
}
