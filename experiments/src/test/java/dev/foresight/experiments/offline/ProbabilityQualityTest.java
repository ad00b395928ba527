package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.calibration.ProbabilityScale;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilityQualityTest {

    /** Four windows, the second counting twice (a thinned healthy drive): outcomes 1, 0, 0, 1. */
    private static final List<Example> TEST = List.of(
            Example.positive("a", 0, new double[0], 86_400_000L),
            Example.negative("b", 0, new double[0]).withWeight(2),
            Example.negative("c", 0, new double[0]),
            Example.positive("d", 0, new double[0], 86_400_000L));
    private static final double[] RAW = {1.0, 0.0, 1.0, 0.0};
    /** p = 1 / (1 + exp(-ln(3) s)): raw 1 -> 0.75, raw 0 -> 0.5. */
    private static final ProbabilityScale SCALE = new ProbabilityScale(Math.log(3), 0);

    @Test
    void brierScoresAreWeightedMeansOfSquaredErrorsAsComputedByHand() {
        ProbabilityQuality q = ProbabilityQuality.measure(TEST, RAW, SCALE);

        // raw: (1 x 0^2 + 2 x 0^2 + 1 x 1^2 + 1 x 1^2) / 5 = 0.4 (unweighted it would be 0.5)
        assertThat(q.brierRaw()).isCloseTo(0.4, within(1e-12));
        // calibrated 0.75, 0.5, 0.75, 0.5: (0.25^2 + 2 x 0.5^2 + 0.75^2 + 0.5^2) / 5 = 1.375 / 5
        assertThat(q.brierCalibrated()).isCloseTo(0.275, within(1e-12));
        // base rate 2 / 5; a constant 0.4 scores 0.4 x 0.6
        assertThat(q.baseRate()).isCloseTo(0.4, within(1e-12));
        assertThat(q.brierConstant()).isCloseTo(0.24, within(1e-12));
        // mean raw (1 + 0 + 1 + 0) / 5; mean calibrated (0.75 + 2 x 0.5 + 0.75 + 0.5) / 5
        assertThat(q.meanRaw()).isCloseTo(0.4, within(1e-12));
        assertThat(q.meanCalibrated()).isCloseTo(0.6, within(1e-12));
        assertThat(q.scale()).isEqualTo(SCALE);
    }

    @Test
    void withoutAScaleOnlyTheRawFiguresAreDefined() {
        ProbabilityQuality q = ProbabilityQuality.measure(TEST, RAW, null);

        assertThat(q.brierRaw()).isCloseTo(0.4, within(1e-12));
        assertThat(q.brierCalibrated()).isNaN();
        assertThat(q.meanCalibrated()).isNaN();
        assertThat(q.scale()).isNull();
    }
}
