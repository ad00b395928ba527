package dev.foresight.predictor;

import smile.classification.LogisticRegression;

/**
 * A Smile binomial logistic regression on standardised features. Standardising (training mean
 * and standard deviation, kept with the model) lets one L2 penalty treat features measured in
 * watts and in degrees alike, and makes the coefficients comparable as importances.
 *
 * <p>Determinism: L-BFGS is deterministic; Smile sums the log-likelihood with a parallel
 * stream whose split depends on the common pool's parallelism, so bytes are identical for the
 * same JVM configuration (not necessarily across machines with different core counts).
 */
final class LogisticScorer implements Scorer {

    private static final long serialVersionUID = 1L;

    private final LogisticRegression.Binomial model;
    private final double[] mean;
    private final double[] scale;

    private LogisticScorer(LogisticRegression.Binomial model, double[] mean, double[] scale) {
        this.model = model;
        this.mean = mean;
        this.scale = scale;
    }

    static LogisticScorer fit(TrainingData data, PredictorOptions.Logistic options) {
        int n = data.x.length;
        int p = data.features();
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : data.x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (double[] row : data.x) {
            for (int j = 0; j < p; j++) {
                double d = row[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(scale[j] / n);
            // a constant column carries no information; scale 1 keeps it at 0 instead of dividing by 0
            scale[j] = sd > 0 ? sd : 1.0;
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = standardise(data.x[i], mean, scale);
        }
        LogisticRegression.Binomial model = LogisticRegression.binomial(z, data.y,
                options.lambda(), options.tolerance(), options.maxIterations());
        return new LogisticScorer(model, mean, scale);
    }

    @Override
    public double score(double[] row) {
        double[] posterior = new double[2];
        model.predict(standardise(row, mean, scale), posterior);
        return posterior[1];
    }

    @Override
    public double[] importance() {
        double[] w = model.coefficients();
        double[] importance = new double[mean.length];
        for (int j = 0; j < importance.length; j++) {
            importance[j] = Math.abs(w[j]);
        }
        return importance;
    }

    private static double[] standardise(double[] row, double[] mean, double[] scale) {
        double[] z = new double[row.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = (row[j] - mean[j]) / scale[j];
        }
        return z;
    }
}
