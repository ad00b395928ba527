package dev.foresight.producers.dataset.lanl;

/**
 * A Weibull law fitted by maximum likelihood, with confidence intervals from the observed Fisher
 * information (the inverse of the log-likelihood's Hessian at the optimum), taken on the log scale so
 * that they stay positive and are not symmetric where the likelihood is not.
 *
 * @param n                        sample size
 * @param shape                    k: below 1, the hazard decreases with time since the last failure
 * @param shapeLow                 lower confidence bound of k
 * @param shapeHigh                upper confidence bound of k
 * @param scaleHours               lambda, in hours
 * @param scaleLowHours            lower confidence bound of lambda
 * @param scaleHighHours           upper confidence bound of lambda
 * @param meanHours                lambda * Gamma(1 + 1/k)
 * @param logLikelihood            at the optimum (times in hours)
 * @param exponentialPValue        likelihood-ratio test of k = 1 (the exponential law, a constant hazard)
 *                                 against the Weibull: small means the exponential is rejected
 */
public record WeibullEstimate(int n, double shape, double shapeLow, double shapeHigh, double scaleHours, double scaleLowHours,
                              double scaleHighHours, double meanHours, double logLikelihood, double exponentialPValue) {

    /** Whether the whole confidence interval of the shape is below 1. */
    public boolean decreasingHazard() {
        return shapeHigh < 1;
    }
}
