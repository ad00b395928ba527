package dev.foresight.cluster.scenario;

/** A log-normal law of a duration in hours: {@code ln(hours) ~ Normal(mu, sigma)}. */
public record LogNormalSettings(double mu, double sigma) {

    public double medianHours() {
        return Math.exp(mu);
    }

    public double meanHours() {
        return Math.exp(mu + sigma * sigma / 2);
    }

    public void validate(String path, Violations v) {
        v.between(path + ".mu", mu, -20, 20);
        v.positive(path + ".sigma", sigma);
    }
}
