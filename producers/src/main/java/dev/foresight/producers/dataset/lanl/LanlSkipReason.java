package dev.foresight.producers.dataset.lanl;

/** Why a LANL record was left out of the traces. */
public enum LanlSkipReason {
    /** A line with no fields. */
    BLANK_LINE,
    /** More or fewer fields than the header has columns. */
    WRONG_COLUMN_COUNT,
    /** No system number. */
    MISSING_SYSTEM,
    /** nodenumz is neither empty (a system-wide record) nor a whole number. */
    BAD_NODE,
    /** Prob Started is not an m/d/yyyy h:mm time. */
    BAD_START_TIME,
    /** Neither a Down Time in minutes nor a Prob Fixed time to compute the repair from. */
    BAD_REPAIR_TIME
}
