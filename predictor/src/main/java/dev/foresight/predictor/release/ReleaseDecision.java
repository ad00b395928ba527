package dev.foresight.predictor.release;

/**
 * The outcome of a champion/challenger comparison.
 *
 * @param release          whether the challenger should be released
 * @param championPrAuc    the champion's held-out PR-AUC (the base rate when there is no champion)
 * @param challengerPrAuc  the challenger's held-out PR-AUC
 * @param minMargin        the margin the challenger had to beat the champion by
 * @param heldOutExamples  held-out examples compared on
 * @param heldOutPositives of which positive
 * @param reason           one sentence for the audit trail
 */
public record ReleaseDecision(boolean release, double championPrAuc, double challengerPrAuc, double minMargin,
                              int heldOutExamples, int heldOutPositives, String reason) {
}
