package dev.foresight.experiments.sweep.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentileBootstrapTest {

    private static final double[] SAMPLE = {-3.1, 0.4, 2.2, 5.0, -1.7, 8.3, 0.9, -0.2};

    @Test
    void twoValuesResampleToMeansOfZeroHalfAndOne() {
        // resamples of {0, 1}: mean 0 with probability 1/4, 0.5 with 1/2, 1 with 1/4, so the 2.5th percentile of
        // 10,000 resample means lies among the zeros and the 97.5th among the ones
        Interval i = PercentileBootstrap.defaults().meanInterval(new double[] {0, 1}, 0.95);

        assertThat(i.low()).isEqualTo(0.0);
        assertThat(i.high()).isEqualTo(1.0);
    }

    @Test
    void theSameSeedGivesTheSameIntervalEveryTime() {
        Interval first = new PercentileBootstrap(2_000, 99).meanInterval(SAMPLE, 0.95);
        Interval again = new PercentileBootstrap(2_000, 99).meanInterval(SAMPLE, 0.95);
        Interval otherSeed = new PercentileBootstrap(2_000, 100).meanInterval(SAMPLE, 0.95);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).as("another seed draws other resamples").isNotEqualTo(first);
    }

    @Test
    void anIntervalDoesNotDependOnWhatWasComputedBefore() {
        PercentileBootstrap bootstrap = PercentileBootstrap.defaults();
        Interval fresh = bootstrap.meanInterval(SAMPLE, 0.95);
        bootstrap.meanInterval(new double[] {1, 2, 3}, 0.95);

        assertThat(bootstrap.meanInterval(SAMPLE, 0.95)).isEqualTo(fresh);
    }

    @Test
    void theIntervalHoldsTheMeanAndLiesWithinTheSample() {
        Interval i = PercentileBootstrap.defaults().meanInterval(SAMPLE, 0.95);
        double mean = java.util.Arrays.stream(SAMPLE).average().orElseThrow();

        assertThat(i.low()).isLessThan(mean).isGreaterThanOrEqualTo(-3.1);
        assertThat(i.high()).isGreaterThan(mean).isLessThanOrEqualTo(8.3);
    }

    @Test
    void identicalDifferencesGiveAPointAndOneSeedNothing() {
        assertThat(PercentileBootstrap.defaults().meanInterval(new double[] {2.5, 2.5, 2.5}, 0.95)).isEqualTo(Interval.of(2.5, 2.5));

        Interval single = PercentileBootstrap.defaults().meanInterval(new double[] {2.5}, 0.95);
        assertThat(single.defined()).isFalse();
        assertThat(single.undefinedBecause()).contains("at least 2 seeds");
    }

    @Test
    void resamplesMustBePositive() {
        assertThatThrownBy(() -> new PercentileBootstrap(0, 1)).hasMessageContaining("resamples must be >= 1");
    }
}
