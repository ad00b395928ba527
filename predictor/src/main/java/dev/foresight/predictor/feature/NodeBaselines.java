package dev.foresight.predictor.feature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One node's fits of its {@link LoadBaselines}: weighted least squares of each target on its regressors, older
 * samples fading with the half-life. The state a stream processor keeps per node beside its window; it learns only
 * from the samples the window lets go ({@link #learn}), oldest first, so it is a pure function of the node's samples
 * older than the longest window.
 *
 * <p>Lagged regressors are exponential moving averages; the average at the newest learnt sample (the "frontier")
 * is kept, and {@link #residuals} carries it forward through the window's samples, so a window's residuals use the
 * same regressor values the fit would have seen. Mutable, not thread-safe; {@link #toBytes()} for a state store.
 */
public final class NodeBaselines {

    private static final byte FORMAT_VERSION = 1;
    /** Regressor values further than this many standard deviations from the fit's mean are extrapolation. */
    private static final double GUARD_SDS = 3;
    /** ... plus this share of the regressor's typical magnitude, so a nearly constant regressor still has room. */
    private static final double GUARD_RELATIVE = 0.02;

    private final LoadBaselines spec;
    private final Fit[] fits;
    private long lastLearnt = Long.MIN_VALUE;
    /** Coefficients per fit, solved lazily after a change; null entries for fits not ready. */
    private transient double[][] solved;

    public NodeBaselines(LoadBaselines spec) {
        this.spec = spec;
        this.fits = new Fit[spec.baselines().size()];
        for (int b = 0; b < fits.length; b++) {
            fits[b] = new Fit(spec.baselines().get(b).regressors().size() + 1);
        }
    }

    public LoadBaselines spec() {
        return spec;
    }

    /** Learns from a sample that has left the window; samples must come in time order. */
    public void learn(Sample sample) {
        long time = sample.timeMillis();
        double decay = lastLearnt == Long.MIN_VALUE ? 1
                : Math.pow(0.5, Math.max(0, time - lastLearnt) / (double) spec.halfLife().toMillis());
        lastLearnt = Math.max(lastLearnt, time);
        for (int b = 0; b < fits.length; b++) {
            LoadBaseline baseline = spec.baselines().get(b);
            Fit fit = fits[b];
            fit.decay(decay);
            double[] x = new double[fit.k];
            x[0] = 1;
            boolean complete = true;
            for (int j = 0; j < baseline.regressors().size(); j++) {
                LoadBaseline.Regressor regressor = baseline.regressors().get(j);
                Double value = sample.metrics().get(regressor.metric());
                double v = value == null ? Double.NaN : value;
                if (!regressor.lag().isZero()) {
                    v = fit.advanceLag(j, time, v, regressor.lag().toMillis());
                }
                x[j + 1] = v;
                complete &= Double.isFinite(v);
            }
            Double target = sample.metrics().get(baseline.target());
            if (complete && target != null && Double.isFinite(target)) {
                fit.add(x, target);
            }
        }
        solved = null;
    }

    /**
     * The residual column of baseline {@code b} over the slots {@code [from, to)} of the columns: NaN where the target
     * or a regressor is missing, where the fit is not ready, or where a regressor lies outside what it has seen.
     * Slots outside the range are NaN.
     */
    double[] residuals(int b, Columns columns, int from, int to) {
        LoadBaseline baseline = spec.baselines().get(b);
        double[] target = columns.column(baseline.target());
        double[] out = new double[columns.times().length];
        java.util.Arrays.fill(out, Double.NaN);
        double[] beta = coefficients(b);
        if (target == null || beta == null) {
            return out;
        }
        Fit fit = fits[b];
        int r = baseline.regressors().size();
        double[][] regressors = new double[r][];
        for (int j = 0; j < r; j++) {
            LoadBaseline.Regressor regressor = baseline.regressors().get(j);
            double[] raw = columns.column(regressor.metric());
            if (raw == null) {
                return out;
            }
            regressors[j] = regressor.lag().isZero() ? raw
                    : fit.laggedForward(j, columns.times(), raw, from, to, regressor.lag().toMillis());
        }
        for (int i = from; i < to; i++) {
            double predicted = beta[0];
            boolean ok = Double.isFinite(target[i]);
            for (int j = 0; j < r && ok; j++) {
                double v = regressors[j][i];
                ok = Double.isFinite(v) && fit.within(j + 1, v);
                predicted += beta[j + 1] * v;
            }
            if (ok) {
                out[i] = target[i] - predicted;
            }
        }
        return out;
    }

    /** The fitted coefficients (intercept first), or null while the fit has too little weight. */
    double[] coefficients(int b) {
        if (solved == null) {
            solved = new double[fits.length][];
            for (int i = 0; i < fits.length; i++) {
                solved[i] = fits[i].weight >= spec.minSamples() ? fits[i].solve() : null;
            }
        }
        return solved[b];
    }

    /** The residual column name of each baseline, in spec order. */
    List<String> residualNames() {
        return spec.baselines().stream().map(LoadBaseline::residualName).toList();
    }

    /** Compact, versioned encoding of the fits (the spec is not written: the caller knows it). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            out.writeLong(lastLearnt);
            out.writeInt(fits.length);
            for (Fit fit : fits) {
                fit.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen on a byte array", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores fits written by {@link #toBytes()} for the same spec.
     *
     * @throws IllegalArgumentException if the bytes are not baselines of this spec's shape
     */
    public static NodeBaselines fromBytes(LoadBaselines spec, byte[] bytes) {
        NodeBaselines restored = new NodeBaselines(spec);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT_VERSION) {
                throw new IllegalArgumentException("unknown node baselines format");
            }
            restored.lastLearnt = in.readLong();
            if (in.readInt() != restored.fits.length) {
                throw new IllegalArgumentException("node baselines written for another set of baselines");
            }
            for (Fit fit : restored.fits) {
                fit.read(in);
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after node baselines");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt node baselines (" + bytes.length + " bytes)", e);
        }
        return restored;
    }

    /** Weighted sums of one least-squares fit with k coefficients (intercept first), and its lagged regressors' state. */
    private static final class Fit {
        final int k;
        final double[] xx;
        final double[] xy;
        double weight;
        final double[] lagValue;
        final long[] lagTime;

        Fit(int k) {
            this.k = k;
            this.xx = new double[k * k];
            this.xy = new double[k];
            this.lagValue = new double[k - 1];
            this.lagTime = new long[k - 1];
            java.util.Arrays.fill(lagValue, Double.NaN);
            java.util.Arrays.fill(lagTime, Long.MIN_VALUE);
        }

        void decay(double factor) {
            for (int i = 0; i < xx.length; i++) {
                xx[i] *= factor;
            }
            for (int i = 0; i < k; i++) {
                xy[i] *= factor;
            }
            weight *= factor;
        }

        void add(double[] x, double y) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    xx[i * k + j] += x[i] * x[j];
                }
                xy[i] += x[i] * y;
            }
            weight += 1;
        }

        /** Moves lagged regressor j's average to a sample at {@code time}; returns the new average. */
        double advanceLag(int j, long time, double value, long lagMillis) {
            if (Double.isFinite(value)) {
                lagValue[j] = ema(lagValue[j], lagTime[j], value, time, lagMillis);
                lagTime[j] = time;
            }
            return lagValue[j];
        }

        /** Regressor j's moving average carried from the frontier through the window's slots. */
        double[] laggedForward(int j, long[] times, double[] raw, int from, int to, long lagMillis) {
            double[] out = new double[times.length];
            java.util.Arrays.fill(out, Double.NaN);
            double value = lagValue[j];
            long at = lagTime[j];
            for (int i = from; i < to; i++) {
                if (Double.isFinite(raw[i])) {
                    value = ema(value, at, raw[i], times[i], lagMillis);
                    at = times[i];
                }
                out[i] = value;
            }
            return out;
        }

        private static double ema(double previous, long previousTime, double value, long time, long lagMillis) {
            if (!Double.isFinite(previous)) {
                return value;
            }
            double alpha = 1 - Math.exp(-Math.max(0, time - previousTime) / (double) lagMillis);
            return previous + alpha * (value - previous);
        }

        /** Whether a value of coefficient i's regressor lies within what the fit has seen. */
        boolean within(int i, double value) {
            double mean = xx[i] / weight; // xx[0 * k + i]: the weighted sum of the regressor
            double variance = Math.max(0, xx[i * k + i] / weight - mean * mean);
            return Math.abs(value - mean) <= GUARD_SDS * Math.sqrt(variance) + GUARD_RELATIVE * (Math.abs(mean) + Math.sqrt(variance));
        }

        /**
         * Solves the normal equations by Gaussian elimination with partial pivoting. A regressor the data cannot
         * separate from the intercept (no spread yet) gets slope 0: the fit is then the node's own level, and
         * {@link #within} keeps it from being used far from where it was measured.
         */
        double[] solve() {
            double[][] a = new double[k][k + 1];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] = xx[i * k + j];
                }
                a[i][k] = xy[i];
            }
            for (int i = 1; i < k; i++) {
                double mean = xx[i] / weight;
                double variance = xx[i * k + i] / weight - mean * mean;
                if (!(variance > 1e-12 * (1 + mean * mean))) {
                    java.util.Arrays.fill(a[i], 0);
                    for (int r = 0; r < k; r++) {
                        a[r][i] = 0;
                    }
                    a[i][i] = 1;
                }
            }
            for (int col = 0; col < k; col++) {
                int pivot = col;
                for (int row = col + 1; row < k; row++) {
                    if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                        pivot = row;
                    }
                }
                double[] swap = a[col];
                a[col] = a[pivot];
                a[pivot] = swap;
                if (a[col][col] == 0) {
                    return null;
                }
                for (int row = 0; row < k; row++) {
                    if (row != col) {
                        double f = a[row][col] / a[col][col];
                        for (int c = col; c <= k; c++) {
                            a[row][c] -= f * a[col][c];
                        }
                    }
                }
            }
            double[] beta = new double[k];
            for (int i = 0; i < k; i++) {
                beta[i] = a[i][k] / a[i][i];
            }
            return beta;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeInt(k);
            for (double v : xx) {
                out.writeDouble(v);
            }
            for (double v : xy) {
                out.writeDouble(v);
            }
            out.writeDouble(weight);
            for (int j = 0; j < k - 1; j++) {
                out.writeDouble(lagValue[j]);
                out.writeLong(lagTime[j]);
            }
        }

        void read(DataInputStream in) throws IOException {
            if (in.readInt() != k) {
                throw new IllegalArgumentException("a fit written with another number of regressors");
            }
            for (int i = 0; i < xx.length; i++) {
                xx[i] = in.readDouble();
            }
            for (int i = 0; i < k; i++) {
                xy[i] = in.readDouble();
            }
            weight = in.readDouble();
            for (int j = 0; j < k - 1; j++) {
                lagValue[j] = in.readDouble();
                lagTime[j] = in.readLong();
            }
        }
    }
}
