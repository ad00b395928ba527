package dev.foresight.producers.dataset.lanl;

/**
 * A log-normal law of durations in hours ({@code ln(hours) ~ Normal(mu, sigma)}), the scenario's
 * {@code failures.repair} law. mu and sigma are maximum-likelihood estimates; their intervals are the
 * exact ones of a normal sample (Student t for mu, chi-squared for sigma).
 *
 * @param n           sample size
 * @param mu          mean of ln(hours)
 * @param muLow       lower confidence bound of mu
 * @param muHigh      upper confidence bound of mu
 * @param sigma       standard deviation of ln(hours)
 * @param sigmaLow    lower confidence bound of sigma
 * @param sigmaHigh   upper confidence bound of sigma
 * @param medianHours exp(mu)
 * @param meanHours   exp(mu + sigma^2 / 2)
 */
public record LogNormalEstimate(int n, double mu, double muLow, double muHigh, double sigma, double sigmaLow, double sigmaHigh,
                                double medianHours, double meanHours) {
}
