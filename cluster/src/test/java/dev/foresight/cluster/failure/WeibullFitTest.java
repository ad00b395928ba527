package dev.foresight.cluster.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.cluster.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.junit.jupiter.api.Test;

/**
 * The failure process draws the configured law. 400 nodes x 10 gaps = 4,000 times between failures
 * (repair end to next failure: exactly the Weibull draws). The MLE of the shape has an asymptotic
 * standard error of about 0.78 k / sqrt(n) (Cohen 1965): 0.009 for k = 0.7, 0.019 for k = 1.5. The
 * tolerance, 5 % of k, is 4 standard errors; the scale's standard error is about 2.5 %, its tolerance 8 %.
 */
class WeibullFitTest {

    private static double[] gaps(double shape, double scaleHours, long seed) {
        Scenario scenario = ScenarioLoader.parse("nodes: 400\nracks: 4\nfailures:\n  weibull: {shape: " + shape
                + ", scaleHours: " + scaleHours + "}\n", "weibull");
        FailureProcess process = FailureProcess.drawn(scenario, seed);
        List<Double> gaps = new ArrayList<>();
        for (int node = 0; node < scenario.nodes(); node++) {
            FailureEvent previous = process.take(node);
            for (int i = 0; i < 10; i++) {
                FailureEvent next = process.take(node);
                assertThat(next.failAtSeconds()).isGreaterThan(previous.repairedAtSeconds());
                gaps.add(next.failAtSeconds() - previous.repairedAtSeconds());
                previous = next;
            }
        }
        return gaps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void generatedTimesBetweenFailuresRecoverTheConfiguredShape() {
        WeibullFit fit = WeibullFit.maximumLikelihood(gaps(0.7, 1100, 11));

        assertThat(fit.sampleSize()).isEqualTo(4000);
        assertThat(fit.shape()).isCloseTo(0.7, within(0.035));
        assertThat(fit.scale() / (1100 * 3600)).isCloseTo(1.0, within(0.08));
    }

    @Test
    void anotherShapeIsRecoveredToo() {
        WeibullFit fit = WeibullFit.maximumLikelihood(gaps(1.5, 200, 12));

        assertThat(fit.shape()).isCloseTo(1.5, within(0.075));
        assertThat(fit.scale() / (200 * 3600)).isCloseTo(1.0, within(0.08));
    }

    @Test
    void theFitAgreesWithCommonsMathSamplesAndIsScaleInvariant() {
        WeibullDistribution law = new WeibullDistribution(RandomStreams.generator(5, RandomStreams.Purpose.FAILURES, 0), 2.5, 10);
        double[] samples = law.sample(5_000);
        double[] inSeconds = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            inSeconds[i] = samples[i] * 3600;
        }

        WeibullFit fit = WeibullFit.maximumLikelihood(samples);
        WeibullFit scaled = WeibullFit.maximumLikelihood(inSeconds);

        assertThat(fit.shape()).isCloseTo(2.5, within(0.1));
        assertThat(scaled.shape()).isCloseTo(fit.shape(), within(1e-6));
        assertThat(scaled.scale()).isCloseTo(fit.scale() * 3600, within(1e-3));
    }
}
