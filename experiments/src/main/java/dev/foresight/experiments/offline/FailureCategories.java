package dev.foresight.experiments.offline;

import dev.foresight.predictor.Example;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Measures {@link CategoryReport}: for each failure of the test nodes in the test period, whether it had a
 * window with enough lead, an earlier sign on its node, and an alarm with enough lead, grouped by the
 * failure's category. Windows are judged as the rest of the evaluation judges them; failures are counted
 * from the node events, so those without any window are counted as missed rather than left out.
 */
final class FailureCategories {

    static final String ALL = "all";

    private FailureCategories() {
    }

    /**
     * The report, or null when the recording's failures carry no category.
     *
     * @param silentNodeScore the model's score for a window of zeros, for recordings that leave quiet nodes without telemetry
     */
    static CategoryReport measure(RecordedFleet fleet, TestScope scope, Duration horizon, Duration minLead, List<Example> test,
                                  double[] scores, double threshold, List<RecallAtPrecision> fixed, OptionalDouble silentNodeScore) {
        if (fleet.categorisedFailures().isEmpty()) {
            return null;
        }
        long h = horizon.toMillis();
        long lead = minLead.toMillis();
        // per failure (node@time): the (lead, score) of each of its positive test windows with enough lead
        Map<String, List<double[]>> windows = new HashMap<>();
        for (int i = 0; i < test.size(); i++) {
            Example e = test.get(i);
            if (e.failed() && e.leadTimeMillis() != null && e.leadTimeMillis() >= lead) {
                windows.computeIfAbsent(e.nodeId() + "@" + e.failureTimeMillis(), k -> new ArrayList<>())
                        .add(new double[] {e.leadTimeMillis(), scores[i]});
            }
        }
        Map<String, Tally> tallies = new TreeMap<>();
        Tally all = new Tally(fixed.size());
        for (RecordedFleet.CategorisedFailure f : fleet.categorisedFailures()) {
            if (!scope.covers(f.node()) || f.time() - h < scope.fromMillis() || f.time() - lead + h > fleet.observedUntilMillis()) {
                continue;
            }
            List<double[]> mine = windows.getOrDefault(fleet.nodes().get(f.node()) + "@" + f.time(), List.of());
            boolean warned = fleet.nonZeroBetween(f.node(), f.time() - h, f.time() - lead);
            Tally t = tallies.computeIfAbsent(f.category(), c -> new Tally(fixed.size()));
            for (Tally each : List.of(all, t)) {
                each.add(mine, warned, threshold, fixed);
            }
        }
        List<CategoryRecall> rows = new ArrayList<>();
        rows.add(all.recall(ALL, fixed));
        tallies.forEach((category, t) -> rows.add(t.recall(category, fixed)));
        Double silent = silentNodeScore.isPresent() ? silentNodeScore.getAsDouble() : null;
        Boolean alarms = silent == null ? null : silent >= threshold;
        return new CategoryReport(DurationText.format(minLead), silent, alarms, rows);
    }

    /** Counts for one category while the failures stream past. */
    private static final class Tally {
        int failures;
        int withWindow;
        int warned;
        int detected;
        final int[] detectedAt;
        final List<Double> leads = new ArrayList<>();

        Tally(int fixed) {
            detectedAt = new int[fixed];
        }

        void add(List<double[]> windows, boolean wasWarned, double threshold, List<RecallAtPrecision> fixed) {
            failures++;
            withWindow += windows.isEmpty() ? 0 : 1;
            warned += wasWarned ? 1 : 0;
            double best = windows.stream().mapToDouble(w -> w[1]).max().orElse(Double.NEGATIVE_INFINITY);
            if (best >= threshold) {
                detected++;
                leads.add(windows.stream().filter(w -> w[1] >= threshold).mapToDouble(w -> w[0]).max().orElseThrow() / 60_000.0);
            }
            for (int k = 0; k < fixed.size(); k++) {
                double t = fixed.get(k).threshold();
                if (!Double.isNaN(t) && best >= t) {
                    detectedAt[k]++;
                }
            }
        }

        CategoryRecall recall(String category, List<RecallAtPrecision> fixed) {
            List<RecallAtPrecision> at = new ArrayList<>();
            for (int k = 0; k < fixed.size(); k++) {
                at.add(new RecallAtPrecision(fixed.get(k).precision(), ratio(detectedAt[k], failures), fixed.get(k).threshold()));
            }
            double[] sorted = leads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            // nearest rank, as the predictor's lead-time summary
            Double p50 = sorted.length == 0 ? null : sorted[(int) Math.ceil(0.5 * sorted.length) - 1];
            return new CategoryRecall(category, failures, withWindow, warned, detected, ratio(detected, failures), p50, at);
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }
    }
}
