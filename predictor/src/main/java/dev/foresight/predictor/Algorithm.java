package dev.foresight.predictor;

/** The learning algorithms a {@link FailurePredictor} can be fitted with. */
public enum Algorithm {
    /** Smile random forest with capped tree size: robust default, no scaling needed. */
    RANDOM_FOREST,
    /** Smile gradient tree boosting (logistic loss) with small trees. */
    GRADIENT_BOOSTING,
    /** Smile L2-regularised binomial logistic regression on standardised features: fast, linear baseline. */
    LOGISTIC_REGRESSION
}
