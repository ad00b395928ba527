package dev.foresight.experiments.offline;

import java.util.List;

/**
 * Failure-level figures for one failure category (or "all") of a test slice. Every failure of the test
 * nodes in the test period counts, including those with no window at all (a card that logged nothing in
 * the day before failing has no telemetry, so no model can flag it): recall here is over failures, not
 * over windows.
 *
 * @param category       the category, or {@code all}
 * @param failures       failures in the test nodes and period (whole horizon inside it)
 * @param withWindow     of which with at least one labelled window at least the minimum lead before them:
 *                       the most any model of this pipeline can detect
 * @param warned         of which whose node logged something (a non-zero reading) in a tick that ended within
 *                       the horizon before the failure and at least the minimum lead before it
 * @param detected       of which flagged at the calibrated threshold with at least the minimum lead
 * @param recall         detected / failures
 * @param leadP50Minutes median lead of the detected ones (earliest alarm), minutes; null if none
 * @param atPrecision    recall at the thresholds where the test windows reach fixed precisions
 */
public record CategoryRecall(String category, int failures, int withWindow, int warned, int detected, double recall,
                             Double leadP50Minutes, List<RecallAtPrecision> atPrecision) {

    public CategoryRecall {
        atPrecision = List.copyOf(atPrecision);
    }

    /** The share of failures with an earlier sign on their own node: a ceiling on recall from that node's telemetry. */
    public double warnedShare() {
        return failures == 0 ? Double.NaN : (double) warned / failures;
    }

    public double withWindowShare() {
        return failures == 0 ? Double.NaN : (double) withWindow / failures;
    }
}
