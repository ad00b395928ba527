package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One sensor reading explained by others: {@code target ~ intercept + sum of slope x regressor}, fitted per node.
 * The feature extractor sees the residual ({@link #residualName()}), what the load does not explain: a CPU running
 * hotter than its load makes it, a fan slower than its temperature asks for.
 *
 * @param target     the reading to explain
 * @param regressors what explains it; may be empty (then the residual is the reading minus the node's own level)
 */
public record LoadBaseline(String target, List<Regressor> regressors) implements Serializable {

    /** Suffix of a residual's metric name. */
    public static final String RESIDUAL_SUFFIX = "_resid";

    /**
     * A regressor.
     *
     * @param metric the reading
     * @param lag    time constant of an exponential moving average of it, for readings that act through a lag (a
     *               heat sink's temperature follows the load over minutes); zero for the reading itself
     */
    public record Regressor(String metric, Duration lag) implements Serializable {
        public Regressor {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(lag, "lag");
            if (lag.isNegative()) {
                throw new IllegalArgumentException("a regressor's lag must not be negative: " + lag);
            }
        }

        public static Regressor of(String metric) {
            return new Regressor(metric, Duration.ZERO);
        }
    }

    public LoadBaseline {
        Objects.requireNonNull(target, "target");
        regressors = List.copyOf(regressors);
        if (FeatureSpec.isCounter(target)) {
            throw new IllegalArgumentException("a counter has no level to explain: " + target);
        }
        if (regressors.stream().anyMatch(r -> r.metric().equals(target))) {
            throw new IllegalArgumentException(target + " cannot explain itself");
        }
    }

    /** The name of the residual metric the extractor sees, e.g. {@code temp_cpu_c_resid}. */
    public String residualName() {
        return target + RESIDUAL_SUFFIX;
    }
}
