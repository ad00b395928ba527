package dev.foresight.predictor.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class LabellerProperties {

    private static final long MINUTE = 60_000L;
    private static final long H = Duration.ofHours(1).toMillis();
    private final Labeller labeller = new Labeller(LabelPolicy.of(Duration.ofHours(1)));

    private static Labeller labeller(int earlyMarginMinutes) {
        return new Labeller(LabelPolicy.of(Duration.ofHours(1)).withEarlyMargin(Duration.ofMinutes(earlyMarginMinutes)));
    }

    /** Alternating failure/repair gaps (in minutes) make a node history. */
    private static NodeHistory history(List<Integer> gapsMinutes) {
        List<HealthEvent> events = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < gapsMinutes.size(); i++) {
            t += gapsMinutes.get(i) * MINUTE;
            events.add(i % 2 == 0 ? HealthEvent.failed(t) : HealthEvent.repaired(t));
        }
        return new NodeHistory(events);
    }

    @Property(tries = 300)
    void positiveLeadTimesLieWithinTheHorizon(
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 300) Integer> gaps,
            @ForAll @LongRange(min = 0, max = 2400) long endMinute) {
        Label label = labeller.label(endMinute * MINUTE, history(gaps), Long.MAX_VALUE);

        assertThat(label.outcome()).isNotEqualTo(Label.Outcome.PENDING);
        if (label.outcome() == Label.Outcome.POSITIVE) {
            assertThat(label.leadTimeMillis()).isGreaterThan(0).isLessThanOrEqualTo(H);
        }
    }

    @Property(tries = 300)
    void resolvedLabelsNeverChangeAsTheWatermarkAdvances(
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 300) Integer> gaps,
            @ForAll @LongRange(min = 0, max = 2400) long endMinute,
            @ForAll @LongRange(min = 0, max = 600) long watermarkDelayMinutes,
            @ForAll @IntRange(min = 0, max = 360) int earlyMarginMinutes) {
        Labeller labeller = labeller(earlyMarginMinutes);
        NodeHistory full = history(gaps);
        long end = endMinute * MINUTE;
        long watermark = end + watermarkDelayMinutes * MINUTE;
        // the caller only knows the events up to its watermark
        NodeHistory known = new NodeHistory(full.events().stream().filter(e -> e.timeMillis() <= watermark).toList());

        Label early = labeller.label(end, known, watermark);
        Label late = labeller.label(end, full, Long.MAX_VALUE);

        if (early.resolved()) {
            assertThat(early).isEqualTo(late);
        }
    }

    /** The margin only ever takes healthy examples away: it never makes a positive, nor changes one. */
    @Property(tries = 300)
    void anEarlyMarginOnlyTurnsNegativesIntoExclusions(
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 300) Integer> gaps,
            @ForAll @LongRange(min = 0, max = 2400) long endMinute,
            @ForAll @IntRange(min = 1, max = 1440) int earlyMarginMinutes) {
        NodeHistory history = history(gaps);
        long end = endMinute * MINUTE;

        Label plain = labeller.label(end, history, Long.MAX_VALUE);
        Label margined = labeller(earlyMarginMinutes).label(end, history, Long.MAX_VALUE);

        if (plain.outcome() != Label.Outcome.NEGATIVE) {
            assertThat(margined).isEqualTo(plain);
        } else {
            assertThat(margined.outcome()).isIn(Label.Outcome.NEGATIVE, Label.Outcome.EXCLUDED);
            assertThat(margined.outcome() == Label.Outcome.EXCLUDED)
                    .isEqualTo(history.firstFailureIn(end + H, end + H + earlyMarginMinutes * MINUTE).isPresent());
        }
    }
}
