package dev.foresight.producers.dataset.lanl;

/**
 * A law fitted on one period, tested on a later one's node uptimes.
 *
 * @param fittedOn       "all" (the whole earlier file) or "last N days"
 * @param law            the fitted law (censored maximum likelihood)
 * @param ksStatistic    plain Kolmogorov-Smirnov D of the later complete uptimes against the law (censored ones dropped)
 * @param ksPValue       its p-value (commons-math3)
 * @param lrStatistic    likelihood ratio 2 [l(later's own fit) - l(this law)] on the later uptimes, censored ones included
 * @param lrPValue       against chi-squared with 2 degrees of freedom (Wilks): small means the later uptimes do not
 *                       follow this law as fitted (its own estimation error counts against it: a forecast check)
 * @param changeStatistic likelihood ratio of one law for both periods against one law each:
 *                       2 [l_earlier(own fit) + l_later(own fit) - l_both(pooled fit)], censored uptimes included
 * @param changePValue   against chi-squared with 2 degrees of freedom: small means the law changed between the periods
 *                       beyond what the two samples' sizes explain
 * @param observed       later failures (complete uptimes)
 * @param expected       failures the law expects over the same exposure: the sum of the Cox-Snell residuals
 *                       (t / scale)^shape over every later uptime, censored ones included
 * @param logRankZ       one-sample log-rank statistic (observed - expected) / sqrt(expected)
 * @param logRankPValue  two-sided, standard normal: small means failures came faster (z &gt; 0) or slower than the law says
 */
public record ForwardCheck(String fittedOn, CensoredWeibull law, double ksStatistic, double ksPValue, double lrStatistic,
                           double lrPValue, double changeStatistic, double changePValue, int observed, double expected,
                           double logRankZ, double logRankPValue) {

    /** Whether the fitted law, as it is, is rejected for the later uptimes at this level. */
    public boolean mispredicts(double alpha) {
        return lrPValue < alpha;
    }

    /** Whether the law changed between the periods at this level. */
    public boolean changed(double alpha) {
        return changePValue < alpha;
    }
}
