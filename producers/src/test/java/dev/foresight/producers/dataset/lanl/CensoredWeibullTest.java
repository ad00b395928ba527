package dev.foresight.producers.dataset.lanl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.failure.WeibullFit;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class CensoredWeibullTest {

    /** 300 nodes, law k = 0.7, scale 500 h, seen through a window of 2,000 hours. */
    private static final CensoredUptimes WINDOWED = CensoredUptimes.of(RenewalTraces.trace("w", 300, 0.7, 500, 0, 2_000, 11));

    @Test
    void theWindowCutsUptimesAtItsEnd() {
        assertThat(WINDOWED.size() - WINDOWED.failures()).as("one censored uptime per node that failed").isBetween(250, 300);
        assertThat(WINDOWED.failures()).isGreaterThan(500);
    }

    @Test
    void theCensoredFitRecoversTheLawWhereCompleteUptimesAloneUnderstateIt() {
        CensoredWeibull fit = CensoredWeibull.fit(WINDOWED);
        WeibullFit completeOnly = WeibullFit.maximumLikelihood(WINDOWED.completeHours());

        assertThat(fit.shape()).isCloseTo(0.7, within(0.06));
        assertThat(fit.scaleHours()).isCloseTo(500, within(75.0));
        assertThat(completeOnly.scale()).as("long uptimes are the ones the window cuts").isLessThan(0.75 * 500);
    }

    @Test
    void withoutCensoringItIsTheClustersOwnFit() {
        double[] hours = new WeibullDistribution(new Well19937c(3), 0.6, 800).sample(500);
        boolean[] all = new boolean[hours.length];
        java.util.Arrays.fill(all, true);

        CensoredWeibull fit = CensoredWeibull.fit(new CensoredUptimes(hours, all));
        WeibullFit plain = WeibullFit.maximumLikelihood(hours);

        assertThat(fit.shape()).isCloseTo(plain.shape(), within(1e-6));
        assertThat(fit.scaleHours()).isCloseTo(plain.scale(), within(1e-3));
        assertThat(fit.censored()).isZero();
    }

    @Test
    void theFitMaximisesTheCensoredLikelihood() {
        CensoredWeibull fit = CensoredWeibull.fit(WINDOWED);

        for (double dk : new double[] {-0.02, 0.02}) {
            for (double ds : new double[] {-10, 10}) {
                assertThat(CensoredWeibull.logLikelihood(WINDOWED, fit.shape() + dk, fit.scaleHours() + ds)).isLessThan(fit.logLikelihood());
            }
        }
        assertThat(fit.cumulativeHazard(fit.scaleHours())).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void oneFailureIsNotEnough() {
        assertThatThrownBy(() -> CensoredWeibull.fit(new CensoredUptimes(new double[] {1, 2}, new boolean[] {true, false})))
                .hasMessageContaining("at least 2 complete uptimes, got 1");
    }
}
