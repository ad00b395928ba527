package dev.foresight.predictor;

import java.util.stream.IntStream;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * The Smile data frame for a design matrix. Columns get positional names ({@code f0, f1, ...}):
 * the real names live in the predictor's FeatureSchema, and positional names cannot collide with
 * the label column or trip Smile's formula parser.
 */
final class SmileFrames {

    static final String LABEL = "failed";

    private SmileFrames() {
    }

    /** A fresh formula per fit: Smile formulas cache a column binding, so fits never share one. */
    static Formula formula() {
        return Formula.lhs(LABEL);
    }

    static DataFrame frame(TrainingData data) {
        String[] names = IntStream.range(0, data.features()).mapToObj(j -> "f" + j).toArray(String[]::new);
        // features first, label last: the predictors keep the column indices of the design matrix
        return DataFrame.of(data.x, names).merge(IntVector.of(LABEL, data.y));
    }
}
