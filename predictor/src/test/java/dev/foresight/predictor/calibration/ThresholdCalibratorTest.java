package dev.foresight.predictor.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.Fixtures;
import dev.foresight.predictor.evaluation.Evaluation;
import dev.foresight.predictor.evaluation.EvaluationReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

    /** Labels in descending score order; scores 0.95, 0.90, ... */
    private static List<Example> ranked(boolean... failed) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < failed.length; i++) {
            examples.add(failed[i] ? Example.positive("n", i, new double[0], 1) : Example.negative("n", i, new double[0]));
        }
        return examples;
    }

    private static double[] descending(int n) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 0.95 - 0.05 * i;
        }
        return scores;
    }

    @Test
    void choosesTheSmallestThresholdThatReachesTheTargetPrecision() {
        // precisions at each cut: 1, 1, 2/3, 3/4, 4/5, 4/6, 4/7, 5/8
        List<Example> examples = ranked(true, true, false, true, true, false, false, true);

        Calibration calibration = new ThresholdCalibrator(0.75, 1).calibrate(examples, descending(8));

        assertThat(calibration.strategy()).isEqualTo(Calibration.Strategy.TARGET_PRECISION);
        assertThat(calibration.threshold()).isEqualTo(0.95 - 0.05 * 4);
        assertThat(calibration.precision()).isEqualTo(0.8);
        assertThat(calibration.recall()).isEqualTo(0.8);
    }

    @Test
    void fallsBackToTheBestFBetaWhenTheTargetIsOutOfReach() {
        // precisions 1/2, 1/3, 2/4, 3/5, 3/6: none reaches 0.9
        List<Example> examples = ranked(false, true, false, true, true, false);

        Calibration f1 = new ThresholdCalibrator(0.9, 1).calibrate(examples, descending(6));
        Calibration precise = new ThresholdCalibrator(0.9, 0.1).calibrate(examples, descending(6));

        assertThat(f1.strategy()).isEqualTo(Calibration.Strategy.MAX_F_BETA);
        // F1 peaks at the fifth cut: precision 3/5, recall 1
        assertThat(f1.threshold()).isEqualTo(0.95 - 0.05 * 4);
        assertThat(f1.fBeta()).isCloseTo(0.75, org.assertj.core.api.Assertions.within(1e-12));
        // a small beta weighs precision: the fifth cut still has the best precision (3/5) and full recall
        assertThat(precise.strategy()).isEqualTo(Calibration.Strategy.MAX_F_BETA);
        assertThat(precise.precision()).isEqualTo(0.6);
    }

    @Test
    void weightsCountInThePrecision() {
        List<Example> examples = ranked(true, false, true);
        // the healthy window stands for 10: precision at the lowest cut is 2/12
        examples.set(1, examples.get(1).withWeight(10));

        Calibration calibration = new ThresholdCalibrator(0.5, 1).calibrate(examples, descending(3));

        assertThat(calibration.threshold()).isEqualTo(0.95);
        assertThat(calibration.recall()).isEqualTo(0.5);
    }

    @Test
    void cannotCalibrateWithoutPositives() {
        assertThatThrownBy(() -> ThresholdCalibrator.defaults().calibrate(ranked(false, false), descending(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no positive examples");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void reachesTheTargetPrecisionOnTheFleetsValidationSlice(Algorithm algorithm) {
        FailurePredictor model = Fixtures.model(algorithm);
        List<Example> validation = Fixtures.split().validation();

        Calibration calibration = ThresholdCalibrator.defaults().calibrate(model, validation);
        EvaluationReport atThreshold = Evaluation.evaluate(model, validation, calibration.threshold());

        assertThat(calibration.strategy()).isEqualTo(Calibration.Strategy.TARGET_PRECISION);
        assertThat(calibration.precision()).isGreaterThanOrEqualTo(0.8);
        assertThat(calibration.recall()).isGreaterThan(0.2);
        // the evaluation agrees with the calibrator about what the threshold achieves
        assertThat(atThreshold.precision()).isEqualTo(calibration.precision());
        assertThat(atThreshold.recall()).isEqualTo(calibration.recall());
    }
}
