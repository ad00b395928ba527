package dev.foresight.experiments.report;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.AccountingSummary;

/** A run's accounting with every counter set, for tests that need one without running anything. */
public final class SampleAccounting {

    private SampleAccounting() {}

    public static AccountingSummary summary() {
        AccountingSnapshot totals = new AccountingSnapshot(59, 7_200_000, 7_000_000, 200_000, 36_000, 3_600, 7_200, 12.5, 3000, 1_200,
                4, 3, 5, 20, 12, 3, 2, 1, 40, 0, 6, 300, 30, 7_200);
        return new AccountingSummary("s", 1, 60, 1.0, totals, 3125, 0.4, 2);
    }
}
