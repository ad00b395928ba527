package dev.foresight.predictor.label;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One node's failures and repairs, in time order. Immutable: {@link #with} returns a new history.
 *
 * <p>Events at the same instant keep their arrival order, so "failed then repaired at t" and
 * "repaired then failed at t" remain distinguishable.
 *
 * @param events the events, sorted by time (stable)
 */
public record NodeHistory(List<HealthEvent> events) implements Serializable {

    private static final Comparator<HealthEvent> BY_TIME = Comparator.comparingLong(HealthEvent::timeMillis);

    public NodeHistory {
        ArrayList<HealthEvent> sorted = new ArrayList<>(events);
        sorted.sort(BY_TIME);
        events = List.copyOf(sorted);
    }

    public static NodeHistory empty() {
        return new NodeHistory(List.of());
    }

    public static NodeHistory of(HealthEvent... events) {
        return new NodeHistory(List.of(events));
    }

    /** This history plus one event. */
    public NodeHistory with(HealthEvent event) {
        ArrayList<HealthEvent> more = new ArrayList<>(events);
        more.add(event);
        return new NodeHistory(more);
    }

    /**
     * Whether the node is down at {@code timeMillis}: its latest event at or before that time is
     * a failure. A node with no events is up.
     */
    public boolean isDownAt(long timeMillis) {
        return latestAtOrBefore(timeMillis).map(e -> e.kind() == HealthEvent.Kind.FAILED).orElse(false);
    }

    /** Time of the latest repair at or before {@code timeMillis}. */
    public OptionalLong lastRepairAtOrBefore(long timeMillis) {
        long found = Long.MIN_VALUE;
        boolean any = false;
        for (HealthEvent event : events) {
            if (event.timeMillis() > timeMillis) {
                break;
            }
            if (event.kind() == HealthEvent.Kind.REPAIRED) {
                found = event.timeMillis();
                any = true;
            }
        }
        return any ? OptionalLong.of(found) : OptionalLong.empty();
    }

    /** Time of the first failure in {@code (afterMillis, untilMillis]}. */
    public OptionalLong firstFailureIn(long afterMillis, long untilMillis) {
        for (HealthEvent event : events) {
            if (event.timeMillis() > untilMillis) {
                break;
            }
            if (event.timeMillis() > afterMillis && event.kind() == HealthEvent.Kind.FAILED) {
                return OptionalLong.of(event.timeMillis());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Drops events no label at or after {@code timeMillis} can depend on, keeping the latest
     * event at or before that time (it decides whether the node is down then). Bounds the state
     * a streaming caller keeps per node.
     */
    public NodeHistory prunedBefore(long timeMillis) {
        int keepFrom = 0;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).timeMillis() <= timeMillis) {
                keepFrom = i;
            }
        }
        return new NodeHistory(events.subList(keepFrom, events.size()));
    }

    private Optional<HealthEvent> latestAtOrBefore(long timeMillis) {
        HealthEvent latest = null;
        for (HealthEvent event : events) {
            if (event.timeMillis() > timeMillis) {
                break;
            }
            latest = event;
        }
        return Optional.ofNullable(latest);
    }
}
