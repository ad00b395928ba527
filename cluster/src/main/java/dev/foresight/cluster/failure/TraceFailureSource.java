package dev.foresight.cluster.failure;

import dev.foresight.cluster.FailureTrace;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/** A node's failures replayed from a trace; only their precursor marks are drawn. */
final class TraceFailureSource implements FailureSource {

    private final Deque<FailureEvent> events = new ArrayDeque<>();

    TraceFailureSource(int nodeIndex, List<FailureTrace.Entry> entries, FailureMarks marks, SplittableRandom random) {
        double downUntil = Double.NEGATIVE_INFINITY;
        for (FailureTrace.Entry entry : entries) {
            FailureEvent event = marks.mark(nodeIndex, entry.failAtSeconds(), entry.repairSeconds(), random);
            if (entry.failAtSeconds() <= downUntil) {
                continue; // the node is still being repaired: this record repeats the same outage
            }
            if (Double.isFinite(downUntil)) {
                event = event.withDegradationAtMost(entry.failAtSeconds() - downUntil);
            }
            events.add(event);
            downUntil = event.repairedAtSeconds();
        }
    }

    @Override
    public FailureEvent peek() {
        return events.peekFirst();
    }

    @Override
    public FailureEvent poll() {
        return events.pollFirst();
    }
}
