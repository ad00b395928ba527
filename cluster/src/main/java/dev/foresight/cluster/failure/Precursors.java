package dev.foresight.cluster.failure;

/**
 * How strongly each failure class shows on a node right now, 0 (none) to 1 (about to fail), split into the
 * coming failure's precursor ({@link #failing}) and benign anomalies ({@link #benign}). The split matters because
 * a benign anomaly moves only a class's first symptom (corrected errors without uncorrectable ones, heat with the
 * fan still obeying, ripple without sag, reallocations without pending sectors), while a failing part moves all
 * of them. Mutable and reused per node per tick to keep the telemetry loop allocation-free.
 */
public final class Precursors {

    private final double[] failing = new double[FailureClass.values().length];
    private final double[] benign = new double[FailureClass.values().length];

    /** The coming failure's precursor severity for a class. */
    public double failing(FailureClass failureClass) {
        return failing[failureClass.ordinal()];
    }

    /** A benign anomaly's severity for a class. */
    public double benign(FailureClass failureClass) {
        return benign[failureClass.ordinal()];
    }

    /** What a class's first symptom shows: the stronger of a failing part and a benign anomaly. */
    public double symptom(FailureClass failureClass) {
        return Math.max(failing(failureClass), benign(failureClass));
    }

    public void clear() {
        java.util.Arrays.fill(failing, 0);
        java.util.Arrays.fill(benign, 0);
    }

    void raiseFailing(FailureClass failureClass, double severity) {
        int i = failureClass.ordinal();
        failing[i] = Math.max(failing[i], severity);
    }

    void raiseBenign(FailureClass failureClass, double severity) {
        int i = failureClass.ordinal();
        benign[i] = Math.max(benign[i], severity);
    }
}
