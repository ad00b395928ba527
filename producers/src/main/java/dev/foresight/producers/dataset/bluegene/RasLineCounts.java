package dev.foresight.producers.dataset.bluegene;

import java.util.List;
import java.util.Map;

/**
 * What became of the lines of one RAS log.
 *
 * @param read             lines read
 * @param onCards          lines within the period about a card, by category (warnings of a category that is
 *                         not a column are in {@code unmapped} instead)
 * @param withoutCard      lines within the period that name no card (the control system: BGLMASTER, MONITOR,
 *                         "Kill job ... timed out"), by category: they describe the machine, not a card
 * @param unmapped         warnings of a category that is not a column of the recording given with --like
 * @param outsidePeriod    well-formed lines before --from or at/after --until
 * @param skipped          malformed lines, by reason
 * @param skippedExamples  the first locations of each reason, {@code FILE:LINE: problem}
 */
public record RasLineCounts(long read, Map<String, Long> onCards, Map<String, Long> withoutCard, Map<String, Long> unmapped,
                            long outsidePeriod, Map<String, Long> skipped, Map<String, List<String>> skippedExamples) {

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long onCardsTotal() {
        return onCards.values().stream().mapToLong(Long::longValue).sum();
    }
}
