package dev.foresight.cluster;

/**
 * End-of-run (or so-far) summary.
 *
 * @param totals the cumulative counters at the last completed tick
 * @param simulatedHours simulated time covered
 * @param meanPowerWatts {@code energy / time}
 * @param meanUtilization busy cores over total cores, averaged over ticks
 * @param highPriorityJobsStarted high-priority job starts, the denominator of the mean wait
 */
public record AccountingSummary(
        String scenarioName,
        long seed,
        long ticks,
        double simulatedHours,
        AccountingSnapshot totals,
        double meanPowerWatts,
        double meanUtilization,
        long highPriorityJobsStarted) {

    public double wasteFraction() {
        return totals.wasteFraction();
    }

    public double highPriorityMeanWaitSeconds() {
        return highPriorityJobsStarted == 0 ? 0 : totals.highPriorityWaitSeconds() / highPriorityJobsStarted;
    }

    public double usefulCoreHours() {
        return totals.usefulCoreSeconds() / 3600.0;
    }
}
