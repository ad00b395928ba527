package dev.foresight.predictor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AUC;

class OperatingCurveTest {

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    @Test
    void averagePrecisionAndRocAucMatchHandComputation() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};
        boolean[] positive = {true, false, true, false, true};

        OperatingCurve curve = OperatingCurve.of(scores, positive, ones(5));

        // recall steps of 1/3 at precisions 1, 2/3 and 3/5
        assertThat(curve.averagePrecision()).isCloseTo((1 + 2.0 / 3 + 3.0 / 5) / 3, within(1e-12));
        // 3 of the 6 positive/negative pairs are ordered correctly
        assertThat(curve.rocAuc()).isCloseTo(0.5, within(1e-12));
        assertThat(curve.rocAuc()).isCloseTo(AUC.of(new int[] {1, 0, 1, 0, 1}, scores), within(1e-12));
        assertThat(curve.baseRate()).isEqualTo(0.6);
    }

    @Test
    void tiedScoresAlarmTogether() {
        OperatingCurve curve = OperatingCurve.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {true, false, false}, ones(3));

        assertThat(curve.size()).isEqualTo(2);
        assertThat(curve.precision(0)).isEqualTo(0.5);
        assertThat(curve.averagePrecision()).isEqualTo(0.5);
        assertThat(curve.rocAuc()).isEqualTo(0.75);
    }

    @Test
    void constantScorerHasTheBaseRateAsPrAuc() {
        boolean[] positive = {true, false, false, false, true, false, false, false};
        double[] constant = new double[positive.length];
        Arrays.fill(constant, 0.3);

        OperatingCurve curve = OperatingCurve.of(constant, positive, ones(positive.length));

        assertThat(curve.averagePrecision()).isEqualTo(0.25).isEqualTo(curve.baseRate());
        assertThat(curve.rocAuc()).isEqualTo(0.5);
    }

    @Test
    void weightCountsLikeRepetition() {
        double[] scores = {0.9, 0.8, 0.7};
        boolean[] positive = {true, false, true};
        OperatingCurve weighted = OperatingCurve.of(scores, positive, new double[] {1, 3, 1});
        OperatingCurve repeated = OperatingCurve.of(new double[] {0.9, 0.8, 0.8, 0.8, 0.7},
                new boolean[] {true, false, false, false, true}, ones(5));

        assertThat(weighted.averagePrecision()).isEqualTo(repeated.averagePrecision());
        assertThat(weighted.rocAuc()).isEqualTo(repeated.rocAuc());
        assertThat(weighted.precision(1)).isEqualTo(0.25);
    }

    @Test
    void undefinedWithoutPositives() {
        OperatingCurve curve = OperatingCurve.of(new double[] {0.1, 0.2}, new boolean[] {false, false}, ones(2));

        assertThat(curve.averagePrecision()).isNaN();
        assertThat(curve.rocAuc()).isNaN();
    }

    @Test
    void prCurveIsThinnedButKeepsBothEnds() {
        int n = 1000;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = i / (double) n;
            positive[i] = i % 7 == 0;
        }
        OperatingCurve curve = OperatingCurve.of(scores, positive, ones(n));

        var points = curve.prCurve(50);

        assertThat(points).hasSize(50);
        assertThat(points.get(0).threshold()).isEqualTo(curve.threshold(0));
        assertThat(points.get(49).threshold()).isEqualTo(curve.threshold(n - 1));
        assertThat(points.get(49).recall()).isEqualTo(1.0);
        assertThat(points).extracting(PrPoint::threshold).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void rejectsNonFiniteScoresAndMismatchedLengths() {
        assertThatThrownBy(() -> OperatingCurve.of(new double[] {Double.NaN}, new boolean[] {true}, ones(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OperatingCurve.of(new double[] {0.1}, new boolean[] {true, false}, ones(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
