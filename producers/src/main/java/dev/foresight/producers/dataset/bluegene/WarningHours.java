package dev.foresight.producers.dataset.bluegene;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Warnings counted per card, hour and category. Hours are absolute (hours since the epoch), so counting
 * can start before the recording's first hour is known, and categories are kept by name, so the columns
 * can be chosen after the whole file is read (learned from it, or taken from an earlier import). Memory
 * holds one small map per card-hour that has a warning (about 100,000 for the five shared months), never
 * the lines.
 */
final class WarningHours {

    private final SortedMap<String, Card> cards = new TreeMap<>();
    private final Map<String, SortedMap<Long, Map<String, Integer>>> counts = new HashMap<>();
    private final SortedMap<String, Long> byCategory = new TreeMap<>();

    static long hourOf(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), 3600);
    }

    void add(Card card, Instant time, String category) {
        cards.putIfAbsent(card.id(), card);
        counts.computeIfAbsent(card.id(), c -> new TreeMap<>()).computeIfAbsent(hourOf(time), h -> new HashMap<>())
                .merge(category, 1, Integer::sum);
        byCategory.merge(category, 1L, Long::sum);
    }

    /** Warnings on cards by category. */
    SortedMap<String, Long> byCategory() {
        return byCategory;
    }

    /** Cards with at least one warning of one of the columns, by id. */
    SortedMap<String, Card> cards(List<String> columns) {
        SortedMap<String, Card> with = new TreeMap<>();
        cards.forEach((id, card) -> {
            if (hours(id, columns).length > 0) {
                with.put(id, card);
            }
        });
        return with;
    }

    /** The hours, ascending, in which a card has warnings of the columns' categories. */
    long[] hours(String card, List<String> columns) {
        return counts.getOrDefault(card, new TreeMap<>()).entrySet().stream()
                .filter(e -> columns.stream().anyMatch(e.getValue()::containsKey))
                .mapToLong(Map.Entry::getKey).toArray();
    }

    /** A card's counts per column in one hour (zeros when it had none). */
    int[] countsAt(String card, long hour, List<String> columns) {
        Map<String, Integer> c = counts.getOrDefault(card, new TreeMap<>()).getOrDefault(hour, Map.of());
        return columns.stream().mapToInt(column -> c.getOrDefault(column, 0)).toArray();
    }
}
