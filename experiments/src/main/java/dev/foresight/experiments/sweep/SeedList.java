package dev.foresight.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The seeds of a sweep as a user writes them: ranges {@code 1..10}, lists {@code 1,5,9}, or both
 * ({@code 1..3,8,20..22}). Seeds are sorted and each counted once, so the order a user lists them in never
 * changes a sweep.
 */
public final class SeedList {

    /** More runs than anyone means to start by accident ({@code 1..1000000} for {@code 1..100}). */
    public static final int MAX_SEEDS = 10_000;

    private SeedList() {}

    /** @throws IllegalArgumentException naming the part of {@code spec} that is wrong */
    public static List<Long> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no seeds given; write a range such as 1..10, a list such as 1,5,9, or both");
        }
        TreeSet<Long> seeds = new TreeSet<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("seeds '" + spec + "': an empty item between commas");
            }
            int dots = part.indexOf("..");
            if (dots < 0) {
                seeds.add(number(part, spec));
            } else {
                long from = number(part.substring(0, dots), spec);
                long to = number(part.substring(dots + 2), spec);
                if (to < from) {
                    throw new IllegalArgumentException("seeds '" + spec + "': range " + part + " runs backwards; write "
                            + to + ".." + from);
                }
                if (to - from >= MAX_SEEDS) {
                    throw new IllegalArgumentException("seeds '" + spec + "': range " + part + " has more than " + MAX_SEEDS + " seeds");
                }
                for (long s = from; s <= to; s++) {
                    seeds.add(s);
                }
            }
            if (seeds.size() > MAX_SEEDS) {
                throw new IllegalArgumentException("seeds '" + spec + "': more than " + MAX_SEEDS + " seeds");
            }
        }
        return List.copyOf(new ArrayList<>(seeds));
    }

    private static long number(String text, String spec) {
        String t = text.strip();
        try {
            long n = Long.parseLong(t);
            if (n < 0) {
                throw new IllegalArgumentException("seeds '" + spec + "': seeds are whole numbers >= 0, got " + t);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("seeds '" + spec + "': '" + t + "' is not a whole number"
                    + " (write a range such as 1..10, a list such as 1,5,9, or both)");
        }
    }
}
