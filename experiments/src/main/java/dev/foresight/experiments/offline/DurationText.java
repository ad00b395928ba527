package dev.foresight.experiments.offline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: a whole number and a unit, {@code 250ms}, {@code 45s},
 * {@code 10m}, {@code 2h}, {@code 14d}, and comma-separated lists of them.
 */
public final class DurationText {

    private static final Pattern ONE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private DurationText() {
    }

    public static Duration parse(String text) {
        Matcher m = ONE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number and a unit, "
                    + "ms, s, m, h or d (e.g. 10m, 2h, 7d)");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            throw new IllegalArgumentException("'" + text + "': a duration must be positive");
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** As {@link #parse}, but {@code 0} (no unit needed) is zero: for margins such as a minimum lead time. */
    public static Duration parseNonNegative(String text) {
        return text.trim().matches("0+(ms|s|m|h|d)?") ? Duration.ZERO : parse(text);
    }

    /** A comma-separated list, e.g. {@code 3d,7d,14d}. */
    public static List<Duration> parseList(String text) {
        List<Duration> all = new ArrayList<>();
        for (String part : text.split(",")) {
            all.add(parse(part));
        }
        return all;
    }

    /** The largest whole unit: {@code 7d}, {@code 2h}, {@code 90m}, {@code 45s}, {@code 250ms}. */
    public static String format(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
