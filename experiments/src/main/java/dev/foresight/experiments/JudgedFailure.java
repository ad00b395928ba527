package dev.foresight.experiments;

/**
 * One failure of a run, as the run's own alarms met it (judged from the first tick a model was in effect).
 *
 * @param cause       the failure class the cluster model drew (memory, thermal, ...), or {@code unknown}
 * @param announced   whether a precursor preceded it within the horizon (the ideal predictor saw it); null when the
 *                    run recorded no ideal scores
 * @param leadMinutes how long before it the earliest alarm on its node came, at least 1 + actuation lag ticks and at
 *                    most the horizon before it; null when no alarm caught it
 */
public record JudgedFailure(String cause, Boolean announced, Double leadMinutes) {

    public boolean caught() {
        return leadMinutes != null;
    }

    /** The leads of the caught ones among {@code failures}, shortest first, in minutes. */
    public static double[] sortedLeads(java.util.List<JudgedFailure> failures) {
        return failures.stream().filter(JudgedFailure::caught).mapToDouble(JudgedFailure::leadMinutes).sorted().toArray();
    }

    /** The median lead of the caught ones (the lower middle of an even count), in minutes; null when none was caught. */
    public static Double medianLead(java.util.List<JudgedFailure> failures) {
        double[] leads = sortedLeads(failures);
        return leads.length == 0 ? null : leads[(leads.length - 1) / 2];
    }
}
