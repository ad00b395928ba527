package dev.foresight.producers.dataset.lanl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.producers.dataset.SharedDatasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class FailureLawFitTest {

    private static final FailureLawFit FIT = FailureLawFit.defaults();

    private static double[] weibull(double shape, double scale, int n, long seed) {
        return new WeibullDistribution(new Well19937c(seed), shape, scale).sample(n);
    }

    /**
     * Over 200 seeded samples of 400 draws, the 95 % intervals from the observed information should cover
     * the true shape about 95 % of the time; 180..199 is a generous binomial band (the mean is 190, sd 3).
     */
    @Test
    void theShapeIntervalCoversTheTrueShapeAtItsNominalRate() {
        int covered = 0;
        for (long seed = 1; seed <= 200; seed++) {
            WeibullEstimate w = FIT.weibull("test", weibull(0.7, 500, 400, seed), new ArrayList<>());
            if (w.shapeLow() <= 0.7 && 0.7 <= w.shapeHigh()) {
                covered++;
            }
        }
        assertThat(covered).isBetween(180, 199);
    }

    @Test
    void intervalsShrinkLikeOneOverRootN() {
        WeibullEstimate small = FIT.weibull("small", weibull(0.7, 500, 400, 3), new ArrayList<>());
        WeibullEstimate large = FIT.weibull("large", weibull(0.7, 500, 6400, 3), new ArrayList<>());

        double ratio = (small.shapeHigh() - small.shapeLow()) / (large.shapeHigh() - large.shapeLow());
        assertThat(ratio).isCloseTo(4.0, within(0.6));
        assertThat(large.scaleLowHours()).isLessThan(500).isGreaterThan(450);
        assertThat(large.scaleHighHours()).isGreaterThan(500).isLessThan(560);
        assertThat(large.decreasingHazard()).isTrue();
    }

    @Test
    void anExponentialSampleIsNotCalledDecreasingHazard() {
        WeibullEstimate w = FIT.weibull("exp", weibull(1.0, 100, 2000, 9), new ArrayList<>());

        assertThat(w.shapeLow()).isLessThan(1.0);
        assertThat(w.shapeHigh()).isGreaterThan(1.0);
        assertThat(w.decreasingHazard()).isFalse();
        assertThat(w.exponentialPValue()).isGreaterThan(0.01);
        assertThat(FIT.weibull("dec", weibull(0.7, 100, 2000, 9), new ArrayList<>()).exponentialPValue()).isLessThan(1e-6);
    }

    @Test
    void theLogNormalRepairLawIsRecoveredWithExactIntervals() {
        double[] hours = new LogNormalDistribution(new Well19937c(5), 0.3, 1.2).sample(3000);

        LogNormalEstimate r = FIT.logNormal(hours, new ArrayList<>());

        assertThat(r.mu()).isCloseTo(0.3, within(0.07));
        assertThat(r.sigma()).isCloseTo(1.2, within(0.05));
        assertThat(r.muLow()).isLessThan(r.mu());
        assertThat(r.muHigh() - r.mu()).isCloseTo(1.96 * 1.2 / Math.sqrt(3000), within(0.005));
        assertThat(r.sigmaLow()).isLessThan(r.sigma());
        assertThat(r.sigmaHigh()).isGreaterThan(r.sigma());
        assertThat(r.medianHours()).isCloseTo(Math.exp(r.mu()), within(1e-12));
    }

    @Test
    void tooFewSamplesAreReportedNotFitted() {
        List<String> notes = new ArrayList<>();

        assertThat(FIT.weibull("node uptime", new double[] {1, 2, 3}, notes)).isNull();
        assertThat(notes).singleElement().asString().contains("3 samples, fewer than 10");
    }

    /**
     * Schroeder and Gibson (DSN 2006) find times between failures Weibull with a decreasing hazard, shape
     * about 0.7-0.8. On the shared LANL slice the big systems (the five with more than 1,900 records) agree:
     * every shape interval lies below 1, for the system-wide gaps and for node uptimes.
     */
    @Test
    void theBigLanlSystemsHaveADecreasingHazard() {
        Map<String, SystemFailureLaws> laws = LanlImporter.read(SharedDatasets.file(SharedDatasets.LANL), false).systems().stream()
                .map(FIT::fit).collect(Collectors.toMap(SystemFailureLaws::system, l -> l));

        for (String big : List.of("2", "16", "18", "19", "20")) {
            SystemFailureLaws l = laws.get(big);
            assertThat(l.systemGaps().decreasingHazard()).as("system %s gaps, shape %s", big, l.systemGaps().shape()).isTrue();
            assertThat(l.nodeUptime().decreasingHazard()).as("system %s node uptime", big).isTrue();
            assertThat(l.systemGaps().shape()).as("system %s", big).isBetween(0.55, 0.95);
            assertThat(l.repair().medianHours()).as("system %s median repair", big).isBetween(0.25, 6.0);
            assertThat(l.failuresPerYear()).as("system %s failures/year", big).isBetween(20.0, 1500.0);
        }
        assertThat(laws.get("20").systemGaps().shape()).isCloseTo(0.66, within(0.05));
        assertThat(laws.get("17").nodeUptime()).isNull(); // system-wide records only
        assertThat(laws.get("17").notes()).anySatisfy(n -> assertThat(n).contains("node uptime: 0 samples"));
    }

    @Test
    void theScenarioSnippetIsPasteableYaml() {
        SystemFailureLaws laws = FIT.fit(LanlImporter.read(SharedDatasets.file(SharedDatasets.LANL), false).systems().stream()
                .filter(s -> s.system().equals("20")).findFirst().orElseThrow());

        String yaml = ScenarioSnippet.yaml(laws);

        assertThat(yaml).contains("failures:\n  weibull: {shape: 0.4", "scaleHours: ", "  repair: {mu: 0.", "sigma: 1.");
        var scenario = dev.foresight.cluster.ScenarioLoader.parse("nodes: 16\nracks: 2\n" + yaml, "snippet");
        assertThat(scenario.failures().weibull().shape()).isCloseTo(laws.nodeUptime().shape(), within(0.001));
        assertThat(scenario.failures().repair().sigma()).isCloseTo(laws.repair().sigma(), within(0.001));
    }
}
