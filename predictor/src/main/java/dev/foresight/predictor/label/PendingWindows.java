package dev.foresight.predictor.label;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One node's windows waiting for their label, with whatever the caller attached to them
 * (typically the aligned feature vector). The state a stream processor keeps per node between
 * a window's end and the end of its horizon.
 *
 * <p>Windows are kept in end-time order; {@link #resolve} labels them all against the current
 * history and watermark, removes and returns every resolved one (POSITIVE, NEGATIVE or EXCLUDED),
 * and keeps the PENDING ones. Because a window is NEGATIVE as soon as the watermark passes
 * {@code end + H}, the number held is bounded by the number of windows per horizon.
 *
 * <p>Mutable and not thread-safe; serializable when the payloads are.
 *
 * @param <T> the payload type
 */
public final class PendingWindows<T extends Serializable> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ArrayList<Resolved<T>> pending = new ArrayList<>();

    /** A window and, once resolved, its label. */
    public record Resolved<T>(long windowEndMillis, T payload, Label label) implements Serializable {
    }

    /** Holds a window until it can be labelled. */
    public void add(long windowEndMillis, T payload) {
        Objects.requireNonNull(payload, "payload");
        int position = pending.size();
        while (position > 0 && pending.get(position - 1).windowEndMillis() > windowEndMillis) {
            position--;
        }
        pending.add(position, new Resolved<>(windowEndMillis, payload, Label.PENDING));
    }

    /**
     * Labels every held window; returns the resolved ones in end-time order and keeps the rest.
     */
    public List<Resolved<T>> resolve(Labeller labeller, NodeHistory history, long watermarkMillis) {
        List<Resolved<T>> resolved = new ArrayList<>();
        Iterator<Resolved<T>> it = pending.iterator();
        while (it.hasNext()) {
            Resolved<T> window = it.next();
            Label label = labeller.label(window.windowEndMillis(), history, watermarkMillis);
            if (label.resolved()) {
                resolved.add(new Resolved<>(window.windowEndMillis(), window.payload(), label));
                it.remove();
            }
        }
        return resolved;
    }

    /** End time of the oldest window still pending: history before it can be pruned ({@link NodeHistory#prunedBefore}). */
    public OptionalLong oldestPendingEnd() {
        return pending.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pending.get(0).windowEndMillis());
    }

    public int size() {
        return pending.size();
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }
}
