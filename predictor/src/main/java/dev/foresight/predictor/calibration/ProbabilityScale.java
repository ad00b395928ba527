package dev.foresight.predictor.calibration;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import java.io.Serializable;
import java.util.List;

/**
 * Platt scaling: p = 1 / (1 + exp(-(a s + b))), fitted by weighted maximum likelihood on held-out scores, turns a
 * model's score (which ranks, but is no probability: the classes were balanced for training) into the probability
 * that the node fails within the horizon, at the class mix the weights describe. What an actuator weighs an action's
 * expected gain with. Monotone increasing whenever the scores rank positives higher, so thresholds map one to one.
 *
 * <p>Targets are Platt's smoothed ones ((N+ + 1) / (N+ + 2) and 1 / (N- + 2)), so that separable data does not
 * drive the fit to infinite slopes (Platt, "Probabilistic outputs for support vector machines", 1999). The slope is
 * kept positive: a scale never reverses the model's ranking.
 *
 * @param a slope
 * @param b intercept
 */
public record ProbabilityScale(double a, double b) implements Serializable {

    private static final int ITERATIONS = 100;

    public double apply(double score) {
        double z = a * score + b;
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /**
     * The scale of a model, fitted on its raw scores of held-out examples (labels and weights from the examples: at
     * the stream's class mix when the weights restore it).
     */
    public static ProbabilityScale fit(FailurePredictor model, List<Example> heldOut) {
        double[] raw = model.rawScores(heldOut);
        boolean[] positive = new boolean[raw.length];
        double[] weights = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            positive[i] = heldOut.get(i).failed();
            weights[i] = heldOut.get(i).weight();
        }
        return fit(raw, positive, weights);
    }

    /**
     * Fits by Newton's method with step halving.
     *
     * @throws IllegalArgumentException without both classes
     */
    public static ProbabilityScale fit(double[] scores, boolean[] positive, double[] weights) {
        double wPos = 0;
        double wNeg = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                wPos += weights[i];
            } else {
                wNeg += weights[i];
            }
        }
        if (!(wPos > 0) || !(wNeg > 0)) {
            throw new IllegalArgumentException("probability scaling needs both classes");
        }
        double hi = (wPos + 1) / (wPos + 2);
        double lo = 1 / (wNeg + 2);
        double a = 0;
        double b = Math.log((wPos + 1) / (wNeg + 1));
        double loss = loss(scores, positive, weights, a, b, hi, lo);
        for (int it = 0; it < ITERATIONS; it++) {
            double gA = 0;
            double gB = 0;
            double hAA = 1e-12;
            double hAB = 0;
            double hBB = 1e-12;
            for (int i = 0; i < scores.length; i++) {
                double p = new ProbabilityScale(a, b).apply(scores[i]);
                double t = positive[i] ? hi : lo;
                double d = weights[i] * (p - t);
                double v = weights[i] * p * (1 - p);
                gA += d * scores[i];
                gB += d;
                hAA += v * scores[i] * scores[i];
                hAB += v * scores[i];
                hBB += v;
            }
            double det = hAA * hBB - hAB * hAB;
            if (Math.abs(gA) + Math.abs(gB) < 1e-10 || det <= 0) {
                break;
            }
            double dA = (hBB * gA - hAB * gB) / det;
            double dB = (hAA * gB - hAB * gA) / det;
            double step = 1;
            boolean improved = false;
            while (step > 1e-10) {
                double na = a - step * dA;
                double nb = b - step * dB;
                double nl = loss(scores, positive, weights, na, nb, hi, lo);
                if (nl < loss) {
                    a = na;
                    b = nb;
                    loss = nl;
                    improved = true;
                    break;
                }
                step /= 2;
            }
            if (!improved) {
                break;
            }
        }
        if (!(a > 0)) {
            // held-out scores that do not rise with failure (noise, or a poor model) must not flip the model's ranking:
            // keep it, nearly flat, at the held-out base rate
            return new ProbabilityScale(MIN_SLOPE, Math.log(hi * wPos / (wPos + wNeg)) - Math.log(1 - hi * wPos / (wPos + wNeg)));
        }
        return new ProbabilityScale(a, b);
    }

    /** The slope a scale falls back to: monotone increasing, so thresholds still map one to one. */
    private static final double MIN_SLOPE = 1e-6;

    private static double loss(double[] scores, boolean[] positive, double[] weights, double a, double b, double hi, double lo) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double z = a * scores[i] + b;
            double t = positive[i] ? hi : lo;
            // cross-entropy written in z for stability: log(1 + e^z) - t z
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += weights[i] * (softplus - t * z);
        }
        return sum;
    }
}
