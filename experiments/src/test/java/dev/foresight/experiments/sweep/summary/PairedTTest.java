package dev.foresight.experiments.sweep.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedTTest {

    @Test
    void intervalOfAKnownSampleMatchesTheHandComputation() {
        // d = 1..5: mean 3, s = sqrt(2.5) = 1.5811, s/sqrt(5) = 0.70711, t(0.975, 4) = 2.776445 -> 3 -+ 1.963243
        Interval i = PairedT.meanInterval(new double[] {1, 2, 3, 4, 5}, 0.95);

        assertThat(i.defined()).isTrue();
        assertThat(i.low()).isCloseTo(1.036757, within(1e-6));
        assertThat(i.high()).isCloseTo(4.963243, within(1e-6));
    }

    @Test
    void aWiderConfidenceGivesAWiderInterval() {
        // t(0.995, 4) = 4.604095: half-width 4.604095 * 0.707107 = 3.255587
        Interval i = PairedT.meanInterval(new double[] {1, 2, 3, 4, 5}, 0.99);

        assertThat(i.high() - 3).isCloseTo(3.255587, within(1e-5));
    }

    @Test
    void twoSeedsUseOneDegreeOfFreedom() {
        // d = {0, 2}: mean 1, s = sqrt(2), se = 1, t(0.975, 1) = 12.706205
        Interval i = PairedT.meanInterval(new double[] {0, 2}, 0.95);

        assertThat(i.low()).isCloseTo(1 - 12.706205, within(1e-5));
        assertThat(i.high()).isCloseTo(1 + 12.706205, within(1e-5));
    }

    @Test
    void identicalDifferencesGiveAnIntervalOfZeroWidth() {
        Interval i = PairedT.meanInterval(new double[] {-4, -4, -4}, 0.95);

        assertThat(i.low()).isEqualTo(-4.0);
        assertThat(i.high()).isEqualTo(-4.0);
    }

    @Test
    void oneSeedHasNoIntervalAndSaysWhy() {
        Interval i = PairedT.meanInterval(new double[] {7}, 0.95);

        assertThat(i.defined()).isFalse();
        assertThat(i.low()).isNull();
        assertThat(i.undefinedBecause()).contains("at least 2 seeds");
    }
}
