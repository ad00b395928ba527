package dev.foresight.cluster.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a scenario, each problem tied to the dotted key path of the offending
 * value so that the message can point at the YAML line.
 */
public final class Violations {

    /** One invalid value. */
    public record Violation(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final List<Violation> violations = new ArrayList<>();

    public List<Violation> list() {
        return List.copyOf(violations);
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void add(String path, String message) {
        violations.add(new Violation(path, message));
    }

    public void positive(String path, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            add(path, "must be > 0, got " + format(value));
        }
    }

    public void nonNegative(String path, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            add(path, "must be >= 0, got " + format(value));
        }
    }

    public void between(String path, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            add(path, "must be between " + format(min) + " and " + format(max) + ", got " + format(value));
        }
    }

    public void atLeast(String path, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            add(path, "must be >= " + format(min) + ", got " + format(value));
        }
    }

    /** {@code max} must not be below {@code min}; reported against the max key. */
    public void ordered(String minPath, double min, String maxPath, double max) {
        if (max < min) {
            add(maxPath, "must be >= " + minPath + " (" + format(min) + "), got " + format(max));
        }
    }

    public void notNull(String path, Object value) {
        if (value == null) {
            add(path, "is required");
        }
    }

    /** Prints -1 rather than -1.0 and 0.25 rather than 2.5E-1, as a user would have typed it. */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
