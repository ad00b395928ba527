package dev.foresight.experiments.sweep.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.experiments.report.Quantity.Better;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {

    private static final PercentileBootstrap BOOTSTRAP = new PercentileBootstrap(1_000, 1);

    @Test
    void differencesArePolicyMinusReferenceSeedBySeed() {
        PairedDifference d = PairedDifference.of(List.of(10.0, 20.0, 33.0), List.of(9.0, 22.0, 30.0), Better.HIGHER, 0.95, BOOTSTRAP);

        assertThat(d.bySeed()).containsExactly(1.0, -2.0, 3.0);
        assertThat(d.mean()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.seeds()).isEqualTo(3);
        assertThat(d.pairedT()).isEqualTo(PairedT.meanInterval(new double[] {1, -2, 3}, 0.95));
    }

    @Test
    void winsCountSeedsStrictlyBetterInTheFiguresDirection() {
        List<Double> policy = List.of(5.0, 5.0, 4.0, 7.0);
        List<Double> reference = List.of(4.0, 5.0, 6.0, 6.0); // differences +1, 0 (a tie), -2, +1

        assertThat(PairedDifference.of(policy, reference, Better.HIGHER, 0.95, BOOTSTRAP).wins()).isEqualTo(2);
        assertThat(PairedDifference.of(policy, reference, Better.LOWER, 0.95, BOOTSTRAP).wins()).isEqualTo(1);
        assertThat(PairedDifference.of(policy, reference, Better.NEITHER, 0.95, BOOTSTRAP).wins())
                .as("no policy should move such a figure: no wins to count").isNull();
    }

    @Test
    void aSeedMissingEitherSideIsLeftOutOfThePairs() {
        PairedDifference d = PairedDifference.of(Arrays.asList(1.0, null, 4.0), Arrays.asList(0.0, 2.0, Double.NaN), Better.HIGHER,
                0.95, BOOTSTRAP);

        assertThat(d.bySeed()).containsExactly(1.0, null, null);
        assertThat(d.seeds()).isEqualTo(1);
        assertThat(d.wins()).isEqualTo(1);
        assertThat(d.pairedT().defined()).as("one pair left").isFalse();
    }

    @Test
    void aSingleSeedGivesAMeanAndUndefinedIntervalsRatherThanAnError() {
        PairedDifference d = PairedDifference.of(List.of(3.0), List.of(1.0), Better.LOWER, 0.95, BOOTSTRAP);

        assertThat(d.mean()).isEqualTo(2.0);
        assertThat(d.standardDeviation()).isNaN();
        assertThat(d.pairedT().undefinedBecause()).isEqualTo("needs at least 2 seeds, got 1");
        assertThat(d.bootstrap().defined()).isFalse();
        assertThat(d.wins()).isZero();
    }

    @Test
    void bothSidesNeedAValuePerSeed() {
        assertThatThrownBy(() -> PairedDifference.of(List.of(1.0, 2.0), List.of(1.0), Better.HIGHER, 0.95, BOOTSTRAP))
                .hasMessageContaining("one value per seed");
    }
}
