package dev.foresight.predictor.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbabilityScaleTest {

    @Test
    void scoresDrawnFromALogisticLawGiveItsParametersBack() {
        // p(failure | s) = 1 / (1 + exp(-(4 s - 3))): the fit must recover a = 4, b = -3
        SplittableRandom random = new SplittableRandom(1);
        int n = 40_000;
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        double[] weights = new double[n];
        Arrays.fill(weights, 1);
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            positive[i] = random.nextDouble() < 1 / (1 + Math.exp(-(4 * scores[i] - 3)));
        }

        ProbabilityScale scale = ProbabilityScale.fit(scores, positive, weights);

        assertThat(scale.a()).isCloseTo(4, within(0.2));
        assertThat(scale.b()).isCloseTo(-3, within(0.15));
    }

    @Test
    void weightsCountAsRepeatedExamples() {
        double[] scores = {0.1, 0.9, 0.2, 0.8};
        boolean[] positive = {false, true, false, false};
        ProbabilityScale weighted = ProbabilityScale.fit(scores, positive, new double[] {3, 1, 1, 1});
        ProbabilityScale repeated = ProbabilityScale.fit(new double[] {0.1, 0.1, 0.1, 0.9, 0.2, 0.8},
                new boolean[] {false, false, false, true, false, false}, new double[] {1, 1, 1, 1, 1, 1});

        assertThat(weighted.a()).isCloseTo(repeated.a(), within(1e-6));
        assertThat(weighted.b()).isCloseTo(repeated.b(), within(1e-6));
    }

    @Test
    void aScaleNeverReversesTheRanking() {
        // held-out scores that fall with failure: a fitted slope would be negative and flip the model's ranking
        double[] scores = {0.9, 0.8, 0.1, 0.2, 0.15};
        boolean[] positive = {false, false, true, true, false};

        ProbabilityScale scale = ProbabilityScale.fit(scores, positive, new double[] {1, 1, 1, 1, 1});

        assertThat(scale.a()).isPositive();
        assertThat(scale.apply(0.9)).isGreaterThan(scale.apply(0.1));
    }
}
