package dev.foresight.predictor.label;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Labels a feature window from the node's health history, as of a watermark.
 *
 * <p>For a window ending at {@code end}, horizon H and the latest event time the caller has
 * seen for the node ({@code watermark}), in this order:
 * <ol>
 *   <li>EXCLUDED if the node is down at {@code end} (its latest event at or before {@code end} is
 *       a failure), or was repaired less than {@link LabelPolicy#repairGrace()} before {@code end};</li>
 *   <li>POSITIVE, with lead time {@code failure - end}, if a failure is recorded in
 *       {@code (end, end + H]} (known failures need no watermark);</li>
 *   <li>EXCLUDED if a failure is recorded in {@code (end + H, end + H + M]}, M the policy's
 *       {@link LabelPolicy#earlyMargin() early margin}: too early to be positive, too close to be healthy;</li>
 *   <li>NEGATIVE if {@code watermark >= end + H + M}: the horizon and the margin have been observed failure-free;</li>
 *   <li>PENDING otherwise.</li>
 * </ol>
 * Pure and thread-safe. A streaming caller keeps PENDING windows (see {@link PendingWindows}) and
 * labels them again as its watermark advances; the label of a window never changes once resolved,
 * provided events do not arrive later than the watermark the caller claims.
 */
public final class Labeller implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LabelPolicy policy;

    public Labeller(LabelPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public LabelPolicy policy() {
        return policy;
    }

    /**
     * @param windowEndMillis end of the feature window
     * @param history         the node's failures and repairs known so far
     * @param watermarkMillis event time up to which the caller has seen all of the node's events
     */
    public Label label(long windowEndMillis, NodeHistory history, long watermarkMillis) {
        if (history.isDownAt(windowEndMillis) || recentlyRepaired(windowEndMillis, history)) {
            return Label.EXCLUDED;
        }
        long horizonEnd = windowEndMillis + policy.horizon().toMillis();
        OptionalLong failure = history.firstFailureIn(windowEndMillis, horizonEnd);
        if (failure.isPresent()) {
            return Label.positive(failure.getAsLong() - windowEndMillis);
        }
        long decidedEnd = windowEndMillis + policy.decidedWithin().toMillis();
        if (decidedEnd > horizonEnd && history.firstFailureIn(horizonEnd, decidedEnd).isPresent()) {
            return Label.EXCLUDED;
        }
        return watermarkMillis >= decidedEnd ? Label.NEGATIVE : Label.PENDING;
    }

    private boolean recentlyRepaired(long windowEndMillis, NodeHistory history) {
        long grace = policy.repairGrace().toMillis();
        if (grace == 0) {
            return false;
        }
        OptionalLong repair = history.lastRepairAtOrBefore(windowEndMillis);
        return repair.isPresent() && windowEndMillis - repair.getAsLong() < grace;
    }
}
