package dev.foresight.predictor.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabellerTest {

    private static final long H = Duration.ofHours(1).toMillis();
    private static final long MINUTE = 60_000L;
    private static final long END = 1_700_000_000_000L;

    private final Labeller labeller = new Labeller(LabelPolicy.of(Duration.ofHours(1)));

    @Test
    void failureWithinTheHorizonIsPositiveWithItsLeadTime() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END + 20 * MINUTE));

        Label label = labeller.label(END, history, END);

        assertThat(label).isEqualTo(Label.positive(20 * MINUTE));
    }

    @Test
    void failureExactlyAtTheHorizonCountsButNotAtTheWindowEnd() {
        assertThat(labeller.label(END, NodeHistory.of(HealthEvent.failed(END + H)), END + H))
                .isEqualTo(Label.positive(H));
        // failed at the end itself: down at the end, so excluded rather than a zero lead time
        assertThat(labeller.label(END, NodeHistory.of(HealthEvent.failed(END)), END + H))
                .isEqualTo(Label.EXCLUDED);
    }

    @Test
    void failureAfterTheHorizonIsNegativeOnceTheHorizonHasPassed() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END + H + 1));

        assertThat(labeller.label(END, history, END + H + 1)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void failureBeforeTheWindowEndThatWasRepairedDoesNotCount() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END - 90 * MINUTE), HealthEvent.repaired(END - 60 * MINUTE));

        assertThat(labeller.label(END, history, END + H)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void withoutFailureItStaysPendingUntilTheWholeHorizonIsObserved() {
        NodeHistory history = NodeHistory.empty();

        assertThat(labeller.label(END, history, END)).isEqualTo(Label.PENDING);
        assertThat(labeller.label(END, history, END + H - 1)).isEqualTo(Label.PENDING);
        assertThat(labeller.label(END, history, END + H)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void knownFailureResolvesBeforeTheHorizonEnds() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END + 5 * MINUTE));

        assertThat(labeller.label(END, history, END + 5 * MINUTE)).isEqualTo(Label.positive(5 * MINUTE));
    }

    @Test
    void windowsDuringDownTimeAreExcluded() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END - 10 * MINUTE), HealthEvent.repaired(END + 30 * MINUTE));

        assertThat(labeller.label(END, history, END + 2 * H)).isEqualTo(Label.EXCLUDED);
        assertThat(labeller.label(END + 30 * MINUTE, history, END + 2 * H)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void failedNodeWithoutRepairStaysExcluded() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END - 10 * MINUTE));

        assertThat(labeller.label(END + 10 * H, history, END + 20 * H)).isEqualTo(Label.EXCLUDED);
    }

    @Test
    void repairGraceExcludesWindowsStillHoldingPreFailureTelemetry() {
        Labeller graceful = new Labeller(LabelPolicy.of(Duration.ofHours(1)).withRepairGrace(Duration.ofMinutes(30)));
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END - H), HealthEvent.repaired(END - 10 * MINUTE));

        assertThat(graceful.label(END, history, END + H)).isEqualTo(Label.EXCLUDED);
        assertThat(graceful.label(END + 20 * MINUTE, history, END + 2 * H)).isEqualTo(Label.NEGATIVE);
        assertThat(labeller.label(END, history, END + H)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void secondFailureAfterARepairIsFoundByLaterWindows() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END - H), HealthEvent.repaired(END - 30 * MINUTE),
                HealthEvent.failed(END + 45 * MINUTE));

        assertThat(labeller.label(END, history, END)).isEqualTo(Label.positive(45 * MINUTE));
    }

    @Test
    void pendingWindowsResolveAsTheWatermarkAdvances() {
        PendingWindows<String> pending = new PendingWindows<>();
        pending.add(END, "a");
        pending.add(END + 10 * MINUTE, "b");
        pending.add(END - 10 * MINUTE, "early");

        assertThat(pending.resolve(labeller, NodeHistory.empty(), END + 50 * MINUTE))
                .extracting(PendingWindows.Resolved::payload, r -> r.label().outcome())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("early", Label.Outcome.NEGATIVE));
        assertThat(pending.oldestPendingEnd()).hasValue(END);

        NodeHistory failure = NodeHistory.of(HealthEvent.failed(END + 65 * MINUTE));
        // "a" ended 65 minutes before the failure: outside its horizon, and the horizon has passed
        assertThat(pending.resolve(labeller, failure, END + 65 * MINUTE))
                .extracting(PendingWindows.Resolved::payload, PendingWindows.Resolved::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", Label.NEGATIVE),
                        org.assertj.core.groups.Tuple.tuple("b", Label.positive(55 * MINUTE)));
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.oldestPendingEnd()).isEmpty();
    }

    @Test
    void pruningKeepsWhatLaterLabelsNeed() {
        NodeHistory history = NodeHistory.of(HealthEvent.failed(END - 3 * H), HealthEvent.repaired(END - 2 * H),
                HealthEvent.failed(END - H), HealthEvent.repaired(END + 30 * MINUTE), HealthEvent.failed(END + 2 * H));

        NodeHistory pruned = history.prunedBefore(END);

        assertThat(pruned.events()).containsExactly(HealthEvent.failed(END - H), HealthEvent.repaired(END + 30 * MINUTE),
                HealthEvent.failed(END + 2 * H));
        for (long t = END; t < END + 3 * H; t += 10 * MINUTE) {
            assertThat(labeller.label(t, pruned, t + H)).isEqualTo(labeller.label(t, history, t + H));
        }
    }

    @Test
    void aFailureWithinTheEarlyMarginAfterTheHorizonExcludesTheWindowInsteadOfCallingItHealthy() {
        Labeller margined = new Labeller(LabelPolicy.of(Duration.ofHours(1)).withEarlyMargin(Duration.ofHours(24)));
        NodeHistory failsInFiveHours = NodeHistory.of(HealthEvent.failed(END + 5 * H));

        // the plain rule calls this window healthy although the node's precursor may already show
        assertThat(labeller.label(END, failsInFiveHours, END + 5 * H)).isEqualTo(Label.NEGATIVE);
        assertThat(margined.label(END, failsInFiveHours, END + 5 * H)).isEqualTo(Label.EXCLUDED);
        // at the margin's end exactly it still counts; past it the window is healthy again
        assertThat(margined.label(END, NodeHistory.of(HealthEvent.failed(END + 25 * H)), END + 25 * H))
                .isEqualTo(Label.EXCLUDED);
        assertThat(margined.label(END, NodeHistory.of(HealthEvent.failed(END + 25 * H + 1)), END + 25 * H + 1))
                .isEqualTo(Label.NEGATIVE);
        // inside the horizon it is positive, as without a margin
        assertThat(margined.label(END, NodeHistory.of(HealthEvent.failed(END + 20 * MINUTE)), END))
                .isEqualTo(Label.positive(20 * MINUTE));
    }

    @Test
    void withAnEarlyMarginAHealthyWindowWaitsForTheMarginToPass() {
        Labeller margined = new Labeller(LabelPolicy.of(Duration.ofHours(1)).withEarlyMargin(Duration.ofHours(6)));

        assertThat(margined.label(END, NodeHistory.empty(), END + H)).isEqualTo(Label.PENDING);
        assertThat(margined.label(END, NodeHistory.empty(), END + 7 * H - 1)).isEqualTo(Label.PENDING);
        assertThat(margined.label(END, NodeHistory.empty(), END + 7 * H)).isEqualTo(Label.NEGATIVE);
    }

    @Test
    void aNegativeEarlyMarginIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabelPolicy.of(Duration.ofHours(1)).withEarlyMargin(Duration.ofMinutes(-1)))
                .hasMessageContaining("earlyMargin must not be negative");
    }
}
