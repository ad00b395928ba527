package dev.foresight.producers.dataset.bluegene;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CardOutagesProperties {

    private static final Card A = Card.ofLocation("R00-M0-N1").orElseThrow();
    private static final Card B = Card.ofLocation("R00-M0-L1").orElseThrow();
    private static final Duration REPAIR = Duration.ofHours(1);

    private static List<RasEvent> lines(List<Integer> minutes) {
        return java.util.stream.IntStream.range(0, minutes.size()).mapToObj(i -> new RasEvent(
                Instant.parse("2005-07-06T00:00:00Z").plus(Duration.ofMinutes(minutes.get(i))), Optional.of(i % 3 == 0 ? B : A),
                "", "KERNEL", "FATAL", i % 2 == 0 ? "rts panic! - stopping execution" : "Lustre mount FAILED", i + 1)).toList();
    }

    private static List<CardOutage> outages(List<RasEvent> lines) {
        CardOutages builder = new CardOutages(REPAIR);
        lines.forEach(l -> builder.add(l.card().orElseThrow(), l));
        return builder.outages();
    }

    /** Every failure line is the start of one outage or a repeat inside one, never lost or counted twice. */
    @Property(tries = 300)
    void everyFailureLineIsInExactlyOneOutage(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 600) Integer> minutes) {
        List<CardOutage> outages = outages(lines(minutes));

        assertThat(outages.size() + outages.stream().mapToInt(CardOutage::repeats).sum()).isEqualTo(minutes.size());
    }

    /** A card is out or in, never out twice at once; an outage lasts at least the repair time. */
    @Property(tries = 300)
    void aCardsOutagesNeverOverlap(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 600) Integer> minutes) {
        List<CardOutage> outages = outages(lines(minutes));

        for (Card card : List.of(A, B)) {
            List<CardOutage> mine = outages.stream().filter(o -> o.card().equals(card)).toList();
            for (int i = 1; i < mine.size(); i++) {
                assertThat(mine.get(i).start()).isAfterOrEqualTo(mine.get(i - 1).end());
            }
        }
        assertThat(outages).allSatisfy(o -> assertThat(Duration.between(o.start(), o.end())).isGreaterThanOrEqualTo(REPAIR));
        assertThat(outages).extracting(CardOutage::start).isSorted();
    }

    /** The order the lines arrive in does not matter. */
    @Property(tries = 200)
    void outagesDoNotDependOnLineOrder(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 600) Integer> minutes) {
        List<RasEvent> lines = lines(minutes);
        List<RasEvent> reversed = new java.util.ArrayList<>(lines);
        java.util.Collections.reverse(reversed);

        assertThat(outages(reversed)).extracting(CardOutage::card, CardOutage::start, CardOutage::end, CardOutage::repeats)
                .isEqualTo(outages(lines).stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.card(), o.start(), o.end(), o.repeats()))
                        .toList());
    }
}
