package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.label.Label;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.predictor.label.Labeller;
import java.time.Duration;

/**
 * The label of every row of a {@link FeatureTable} for one horizon, from the predictor's {@link Labeller}
 * with the recording's end as watermark.
 *
 * <p>A row is usable when its label is POSITIVE or NEGATIVE <em>and</em> its whole horizon lies inside the
 * observed period. The Labeller already keeps unfinished negatives PENDING; positives near the end are
 * censored too, because keeping them while their healthy neighbours are pending would raise the base rate
 * of the newest slice, which is exactly the slice a time-ordered test uses.
 */
final class HorizonLabels {

    private final Duration horizon;
    private final boolean[] usable;
    private final boolean[] positive;
    private final long[] lead;
    private final long censored;
    private final long excluded;

    private HorizonLabels(Duration horizon, boolean[] usable, boolean[] positive, long[] lead, long censored, long excluded) {
        this.horizon = horizon;
        this.usable = usable;
        this.positive = positive;
        this.lead = lead;
        this.censored = censored;
        this.excluded = excluded;
    }

    static HorizonLabels label(FeatureTable table, RecordedFleet fleet, LabelPolicy policy) {
        Labeller labeller = new Labeller(policy);
        long horizonMillis = policy.horizon().toMillis();
        long watermark = fleet.observedUntilMillis();
        int n = table.size();
        boolean[] usable = new boolean[n];
        boolean[] positive = new boolean[n];
        long[] lead = new long[n];
        long censored = 0;
        long excluded = 0;
        for (int i = 0; i < n; i++) {
            long end = table.time(i);
            Label label = labeller.label(end, fleet.history(table.node(i)), watermark);
            if (label.outcome() == Label.Outcome.EXCLUDED) {
                excluded++;
            } else if (end + horizonMillis > watermark || !label.usable()) {
                censored++;
            } else {
                usable[i] = true;
                positive[i] = label.outcome() == Label.Outcome.POSITIVE;
                lead[i] = positive[i] ? label.leadTimeMillis() : 0;
            }
        }
        return new HorizonLabels(policy.horizon(), usable, positive, lead, censored, excluded);
    }

    Duration horizon() {
        return horizon;
    }

    boolean usable(int row) {
        return usable[row];
    }

    boolean positive(int row) {
        return positive[row];
    }

    /** Failure time of a positive row (window end plus lead). */
    long failureTime(FeatureTable table, int row) {
        return table.time(row) + lead[row];
    }

    /** Rows whose horizon reaches past the observed period. */
    long censored() {
        return censored;
    }

    /** Rows of a node that was down (or just repaired) at the window's end. */
    long excluded() {
        return excluded;
    }

    /** The row as a predictor example, weighted by its node's sampling weight. */
    Example example(FeatureTable table, RecordedFleet fleet, int row) {
        int node = table.node(row);
        return new Example(fleet.nodes().get(node), table.time(row), table.features(row), positive[row],
                positive[row] ? lead[row] : null, fleet.weight(node));
    }
}
