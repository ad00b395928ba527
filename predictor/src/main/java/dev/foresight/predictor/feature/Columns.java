package dev.foresight.predictor.feature;

/** A node's samples column-wise, as feature extraction reads them: times, and per metric values parallel to them. */
interface Columns {

    /** Sample times by slot; only the live slots are meaningful. */
    long[] times();

    /** A metric's values by slot (NaN where a sample lacks it), or null if no held sample has it. */
    double[] column(String metric);

    /** The metric names, sorted. */
    String[] metrics();

    /** First live slot whose time is strictly after {@code time}. */
    int firstAfter(long time);
}
