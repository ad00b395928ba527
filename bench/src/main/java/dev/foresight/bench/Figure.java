package dev.foresight.bench;

import java.util.Locale;

/**
 * One measured figure of a benchmark run.
 *
 * @param group   what was measured (e.g. "kafka", "streams", "closed loop")
 * @param name    the figure (e.g. "produce", "full topology / pass-through")
 * @param value   the measurement
 * @param unit    its unit ("records/s", "x", "ms", "s/day", ...)
 * @param target  the target it is held against, in words (e.g. ">= 0.6"), or empty
 * @param met     whether the target is met; null without a target
 * @param detail  how it was measured (sizes, partitions, ...)
 */
public record Figure(String group, String name, double value, String unit, String target, Boolean met, String detail) {

    public static Figure of(String group, String name, double value, String unit, String detail) {
        return new Figure(group, name, value, unit, "", null, detail);
    }

    /** A figure that must be at least {@code min}. */
    public static Figure atLeast(String group, String name, double value, String unit, double min, String detail) {
        return new Figure(group, name, value, unit, ">= " + format(min), value >= min, detail);
    }

    /** A figure that must be below (or at most) {@code max}. */
    public static Figure atMost(String group, String name, double value, String unit, double max, String detail) {
        return new Figure(group, name, value, unit, "<= " + format(max), value <= max, detail);
    }

    /** The value with a sensible number of digits for its size. */
    public String formattedValue() {
        return format(value);
    }

    public String verdict() {
        return met == null ? "" : met ? "met" : "NOT met";
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
