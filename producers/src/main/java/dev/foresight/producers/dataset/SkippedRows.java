package dev.foresight.producers.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows an importer left out, counted by reason, with the first few locations of each so a user can
 * open the file at the right line. Nothing is dropped without being counted here; the counts go to
 * the console and into the output's manifest.
 *
 * @param <R> the importer's reasons
 */
public final class SkippedRows<R extends Enum<R>> {

    /** How many example locations are kept per reason. */
    public static final int EXAMPLES_PER_REASON = 3;

    private final Map<R, Long> counts;
    private final Map<R, List<String>> examples;

    public SkippedRows(Class<R> reasons) {
        this.counts = new EnumMap<>(reasons);
        this.examples = new EnumMap<>(reasons);
    }

    /** Counts a skipped row; {@code where} says file:line[: column ...] and what was wrong. */
    public void add(R reason, String where) {
        counts.merge(reason, 1L, Long::sum);
        List<String> kept = examples.computeIfAbsent(reason, r -> new ArrayList<>());
        if (kept.size() < EXAMPLES_PER_REASON) {
            kept.add(where);
        }
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(R reason) {
        return counts.getOrDefault(reason, 0L);
    }

    /** Counts by reason name, reasons in declaration order, only those that occurred. */
    public Map<String, Long> byReason() {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((reason, n) -> named.put(reason.name(), n));
        return Collections.unmodifiableMap(named);
    }

    /** The first locations of each reason that occurred. */
    public Map<String, List<String>> examples() {
        Map<String, List<String>> named = new LinkedHashMap<>();
        examples.forEach((reason, where) -> named.put(reason.name(), List.copyOf(where)));
        return Collections.unmodifiableMap(named);
    }
}
