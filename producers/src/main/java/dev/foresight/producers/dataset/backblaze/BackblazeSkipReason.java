package dev.foresight.producers.dataset.backblaze;

/** Why a Backblaze row was left out of a recording. */
public enum BackblazeSkipReason {
    /** A line with no fields. */
    BLANK_LINE,
    /** More or fewer fields than the header has columns: the row cannot be aligned to the columns. */
    WRONG_COLUMN_COUNT,
    /** The date is not an ISO date (yyyy-MM-dd). */
    BAD_DATE,
    /** No serial number: the row belongs to no drive. */
    MISSING_SERIAL,
    /** capacity_bytes is not a whole number (-1, Backblaze's "unknown", is accepted and left out). */
    BAD_CAPACITY,
    /** failure is neither 0 nor 1. */
    BAD_FAILURE_FLAG,
    /** A SMART value that is not a finite, non-negative number. */
    BAD_SMART_VALUE,
    /** A second row for the same drive on the same day; the first one is kept. */
    DUPLICATE_DRIVE_DAY,
    /** A row of a drive after its failure=1 row: a failed drive is gone, so the row contradicts the label. */
    AFTER_FAILURE
}
