package dev.foresight.predictor.feature;

import java.util.Locale;

/**
 * The statistics computed per metric and window. The lower-case name is the last segment of a
 * feature name ({@code w30m.temp_cpu_c.mean}).
 */
public enum Statistic {
    /** The newest value in the window. */
    LAST,
    /** Arithmetic mean. */
    MEAN,
    /** Population standard deviation (divides by n): 0 for a single sample. */
    STD,
    /** Smallest value. */
    MIN,
    /** Largest value. */
    MAX,
    /** Least-squares slope of value against time, in units per hour; 0 with fewer than two distinct times. */
    SLOPE,
    /** Counters only: increase over the window, counting a drop as a counter reset (Prometheus {@code increase}). */
    DELTA,
    /** Counters only: {@link #DELTA} divided by the time spanned by the window's samples, per hour; 0 for one sample. */
    RATE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in feature names. */
    public String label() {
        return label;
    }

    /** Whether this statistic applies only to counters. */
    public boolean counterOnly() {
        return this == DELTA || this == RATE;
    }

    /**
     * Whether this statistic is computed for a metric of this kind. A counter's level (last, mean, min,
     * max, ...) says how long the node has lived and how much it has suffered in the past, not what it
     * is doing now: a model that sees it keeps alarming on a node forever after one burst of errors.
     * Counters therefore get only their increase over the window ({@link #DELTA}, {@link #RATE}).
     */
    public boolean appliesTo(boolean counter) {
        return counter == counterOnly();
    }
}
