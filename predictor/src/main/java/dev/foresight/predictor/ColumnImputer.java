package dev.foresight.predictor;

import java.io.Serializable;
import java.util.List;

/**
 * Replaces missing feature values (NaN, or infinities from a broken source) by the training mean
 * of their column, so that every algorithm sees finite inputs: Smile's trees would send NaN down
 * an arbitrary branch and logistic regression would return NaN. A column never observed in
 * training is filled with 0.
 */
final class ColumnImputer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] fill;

    private ColumnImputer(double[] fill) {
        this.fill = fill;
    }

    /** Column means over the finite values of the examples. */
    static ColumnImputer fit(List<Example> examples, int columns) {
        double[] sum = new double[columns];
        long[] count = new long[columns];
        for (Example example : examples) {
            for (int j = 0; j < columns; j++) {
                double v = example.feature(j);
                if (Double.isFinite(v)) {
                    sum[j] += v;
                    count[j]++;
                }
            }
        }
        double[] fill = new double[columns];
        for (int j = 0; j < columns; j++) {
            fill[j] = count[j] > 0 ? sum[j] / count[j] : 0.0;
        }
        return new ColumnImputer(fill);
    }

    /** A finite copy of the row. */
    double[] apply(double[] row) {
        double[] out = row.clone();
        for (int j = 0; j < out.length; j++) {
            if (!Double.isFinite(out[j])) {
                out[j] = fill[j];
            }
        }
        return out;
    }

    /** A finite copy of an example's features. */
    double[] apply(Example example) {
        double[] out = new double[fill.length];
        for (int j = 0; j < out.length; j++) {
            double v = example.feature(j);
            out[j] = Double.isFinite(v) ? v : fill[j];
        }
        return out;
    }
}
