package dev.foresight.producers.dataset.bluegene;

import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.SkippedRows;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads one RAS log: parses each line, skips and counts malformed ones (or stops, when strict), counts
 * the lines outside the import's period and those that name no card, and hands every other event, with
 * its category, to the caller.
 */
final class RasLogReader {

    /** An event about a card, within the period. */
    record CardEvent(Card card, RasEvent event, String category) {
    }

    private final Path file;
    private final Optional<Instant> from;
    private final Optional<Instant> until;
    private final boolean strict;
    private final RasLineParser parser = new RasLineParser();
    private final SkippedRows<BlueGeneSkipReason> skipped = new SkippedRows<>(BlueGeneSkipReason.class);
    private final Map<String, Long> withoutCard = new TreeMap<>();
    private long read;
    private long outsidePeriod;
    private Instant first;
    private Instant last;

    RasLogReader(Path file, Optional<Instant> from, Optional<Instant> until, boolean strict) {
        this.file = file;
        this.from = from;
        this.until = until;
        this.strict = strict;
    }

    void read(Consumer<CardEvent> onCard) {
        RasLogFile.forEachLine(file, (text, number) -> {
            read++;
            RasEvent event;
            try {
                event = parser.parse(text, number);
            } catch (RasLineParser.Rejected rejected) {
                if (strict) {
                    throw new DatasetFormatException(file, number, rejected.getMessage() + " [" + rejected.reason
                            + "; without --strict such lines are skipped and counted]");
                }
                skipped.add(rejected.reason, file + ":" + number + ": " + rejected.getMessage());
                return;
            }
            if (from.isPresent() && event.time().isBefore(from.get()) || until.isPresent() && !event.time().isBefore(until.get())) {
                outsidePeriod++;
                return;
            }
            first = first == null || event.time().isBefore(first) ? event.time() : first;
            last = last == null || event.time().isAfter(last) ? event.time() : last;
            String category = RasCategories.of(event.component(), event.message());
            if (event.card().isEmpty()) {
                withoutCard.merge(category, 1L, Long::sum);
                return;
            }
            onCard.accept(new CardEvent(event.card().get(), event, category));
        });
    }

    /** The counts of this file, with what the caller made of its card events. */
    RasLineCounts counts(Map<String, Long> onCards, Map<String, Long> unmapped) {
        return new RasLineCounts(read, new TreeMap<>(onCards), new TreeMap<>(withoutCard), new TreeMap<>(unmapped), outsidePeriod,
                skipped.byReason(), skipped.examples());
    }

    long read() {
        return read;
    }

    Optional<Instant> first() {
        return Optional.ofNullable(first);
    }

    Optional<Instant> last() {
        return Optional.ofNullable(last);
    }
}
