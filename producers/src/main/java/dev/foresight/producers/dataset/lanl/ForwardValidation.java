package dev.foresight.producers.dataset.lanl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Checks a system's node-uptime law forward: fits a Weibull on an earlier trace (the whole of it, and its last
 * {@code recentWindow} for systems whose behaviour drifts) and tests each fit on a later trace's uptimes.
 *
 * <p>Three tests, because the later window cuts uptimes at its edge (censoring):
 * <ul>
 *   <li>the plain Kolmogorov-Smirnov test (commons-math3) on the later complete uptimes, as it is usually run:
 *       it drops the censored ones, so it sees the window's uptimes biased short and can reject even the true law
 *       (the tests show it on synthetic data);</li>
 *   <li>the likelihood-ratio test of "the later uptimes follow the earlier law": twice the gain in censored
 *       log-likelihood of the later data's own fit over the earlier law, against chi-squared with 2 degrees of
 *       freedom (Wilks; Lawless, <i>Statistical Models and Methods for Lifetime Data</i>, 2003, section 5.2). It
 *       takes the earlier law as given, as a plan built on it does, so the law's own estimation error counts
 *       against it; the <b>change test</b> beside it compares one law for both periods with one each (pooled
 *       against separate censored fits, 2 degrees of freedom) and so says whether the law itself moved;</li>
 *   <li>the one-sample log-rank test (Breslow 1975; Woolson, <i>Biometrics</i> 37:687-696, 1981): observed later
 *       failures against those the law expects over the same exposure, the sum of the Cox-Snell residuals
 *       (t / scale)^shape over every uptime, censored ones included; it says which way the law is wrong.</li>
 * </ul>
 * Distributions and the root finder are commons-math3's; only the censored likelihood is written here.
 *
 * @param recentWindow the recent window of the earlier trace that the second fit uses
 * @param minFailures  the fewest complete uptimes a fit needs
 */
public record ForwardValidation(Duration recentWindow, int minFailures) {

    public ForwardValidation {
        if (recentWindow.isNegative() || recentWindow.isZero()) {
            throw new IllegalArgumentException("the recent window must be positive: " + recentWindow);
        }
        if (minFailures < 2) {
            throw new IllegalArgumentException("minFailures must be at least 2: " + minFailures);
        }
    }

    public SystemValidation validate(SystemTrace earlier, SystemTrace later) {
        List<String> notes = new ArrayList<>();
        CensoredUptimes laterSample = CensoredUptimes.of(later);
        if (laterSample.failures() < minFailures) {
            notes.add("later file: " + laterSample.failures() + " complete node uptimes, fewer than " + minFailures + ": nothing to test on");
            return new SystemValidation(earlier.system(), null, List.of(), notes);
        }
        CensoredWeibull laterFit = CensoredWeibull.fit(laterSample);
        List<ForwardCheck> checks = new ArrayList<>();
        CensoredUptimes all = CensoredUptimes.of(earlier);
        fitted("all", all, notes).ifPresent(law -> checks.add(check("all", law, all, laterSample, laterFit)));
        Instant end = earlier.outages().stream().map(Outage::started).max(Instant::compareTo).orElseThrow();
        String label = "last " + recentWindow.toDays() + " days";
        CensoredUptimes recent = CensoredUptimes.of(earlier, Optional.of(end.minus(recentWindow)));
        if (recent.size() == all.size()) {
            notes.add("the earlier file's uptimes all start within its " + label + ": the recent fit is the whole one");
        } else {
            fitted(label, recent, notes).ifPresent(law -> checks.add(check(label, law, recent, laterSample, laterFit)));
        }
        return new SystemValidation(earlier.system(), laterFit, checks, notes);
    }

    private Optional<CensoredWeibull> fitted(String label, CensoredUptimes sample, List<String> notes) {
        if (sample.failures() < minFailures) {
            notes.add("earlier file, " + label + ": " + sample.failures() + " complete node uptimes, fewer than " + minFailures + ": not fitted");
            return Optional.empty();
        }
        try {
            return Optional.of(CensoredWeibull.fit(sample));
        } catch (IllegalArgumentException e) {
            notes.add("earlier file, " + label + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The tests of one law, fitted on {@code sample}, on the later uptimes. */
    static ForwardCheck check(String label, CensoredWeibull law, CensoredUptimes sample, CensoredUptimes later, CensoredWeibull laterFit) {
        double[] complete = later.completeHours();
        WeibullDistribution distribution = new WeibullDistribution(null, law.shape(), law.scaleHours());
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double d = ks.kolmogorovSmirnovStatistic(distribution, complete);
        double ksP = ks.kolmogorovSmirnovTest(distribution, complete);
        double lr = Math.max(0, 2 * (laterFit.logLikelihood() - CensoredWeibull.logLikelihood(later, law.shape(), law.scaleHours())));
        double lrP = new ChiSquaredDistribution(null, 2).cumulativeProbability(lr);
        double expected = 0;
        for (double t : later.hours()) {
            expected += law.cumulativeHazard(t);
        }
        // one law for both periods against one each: the change test, which counts both samples' estimation error
        double change = Math.max(0, 2 * (law.logLikelihood() + laterFit.logLikelihood() - CensoredWeibull.fit(sample.with(later)).logLikelihood()));
        double changeP = 1 - new ChiSquaredDistribution(null, 2).cumulativeProbability(change);
        int observed = later.failures();
        double z = (observed - expected) / Math.sqrt(expected);
        double logRankP = 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z));
        return new ForwardCheck(label, law, d, ksP, lr, 1 - lrP, change, changeP, observed, expected, z, logRankP);
    }
}
