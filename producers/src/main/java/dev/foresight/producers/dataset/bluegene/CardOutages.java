package dev.foresight.producers.dataset.bluegene;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns failure lines into outages per card. The log has no repair records, so a card is taken to be
 * back {@code repair} after a failure; a failure of the card before then is the same outage reported
 * again (the shared files already dropped exact repeats within 600 s, but a job-wide crash often logs
 * "kernel terminated", then "rts panic" on the same card minutes apart) and extends it. This is the
 * rule the LANL import applies to a node that fails while still down.
 */
final class CardOutages {

    private final Duration repair;
    private final Map<String, List<RasEvent>> failuresByCard = new TreeMap<>();
    private final Map<String, Card> cards = new TreeMap<>();

    CardOutages(Duration repair) {
        if (repair.isNegative() || repair.isZero()) {
            throw new IllegalArgumentException("the repair time must be positive: " + repair);
        }
        this.repair = repair;
    }

    void add(Card card, RasEvent failure) {
        cards.putIfAbsent(card.id(), card);
        failuresByCard.computeIfAbsent(card.id(), c -> new ArrayList<>()).add(failure);
    }

    /** Every card's outages, ordered by start, then card. */
    List<CardOutage> outages() {
        List<CardOutage> all = new ArrayList<>();
        failuresByCard.forEach((id, failures) -> {
            List<RasEvent> sorted = failures.stream().sorted(Comparator.comparing(RasEvent::time).thenComparingLong(RasEvent::line)).toList();
            RasEvent first = null;
            Instant end = null;
            int repeats = 0;
            for (RasEvent f : sorted) {
                if (first != null && f.time().isBefore(end)) {
                    repeats++;
                    Instant extended = f.time().plus(repair);
                    end = extended.isAfter(end) ? extended : end;
                    continue;
                }
                if (first != null) {
                    all.add(outage(cards.get(id), first, end, repeats));
                }
                first = f;
                end = f.time().plus(repair);
                repeats = 0;
            }
            if (first != null) {
                all.add(outage(cards.get(id), first, end, repeats));
            }
        });
        all.sort(Comparator.comparing(CardOutage::start).thenComparing(o -> o.card().id()));
        return all;
    }

    private static CardOutage outage(Card card, RasEvent first, Instant end, int repeats) {
        return new CardOutage(card, first.time(), end, RasCategories.of(first.component(), first.message()), first, repeats);
    }
}
