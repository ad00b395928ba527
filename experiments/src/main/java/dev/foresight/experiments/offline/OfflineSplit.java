package dev.foresight.experiments.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Cuts the usable rows of one horizon into training, validation and test slices, by time and, where the
 * fleet is large enough, by node too ({@link SplitChoice}). Never at random: a model is always judged on
 * windows later than those it learnt from.
 */
final class OfflineSplit {

    /** Row indices of each slice, in table order, what they hold, and which nodes and times the test covers. */
    record Slices(int[] train, int[] validation, int[] test, SplitSummary summary, TestScope testScope) {
    }

    private final FeatureTable table;
    private final HorizonLabels labels;
    private final RecordedFleet fleet;
    private final OfflineOptions options;
    private final long[] usableTimes;

    private OfflineSplit(FeatureTable table, HorizonLabels labels, RecordedFleet fleet, OfflineOptions options) {
        this.table = table;
        this.labels = labels;
        this.fleet = fleet;
        this.options = options;
        this.usableTimes = java.util.stream.IntStream.range(0, table.size()).filter(labels::usable)
                .mapToLong(table::time).sorted().toArray();
    }

    static Slices split(FeatureTable table, HorizonLabels labels, RecordedFleet fleet, OfflineOptions options) {
        return new OfflineSplit(table, labels, fleet, options).choose();
    }

    private Slices choose() {
        if (usableTimes.length == 0 || usableTimes[0] == usableTimes[usableTimes.length - 1]) {
            throw new IllegalArgumentException("horizon " + DurationText.format(labels.horizon()) + ": the recording has "
                    + usableTimes.length + " labelled windows at fewer than two distinct times; it is too short for this horizon");
        }
        SplitChoice choice = options.split();
        if (choice == SplitChoice.TIME) {
            return timeOnly("asked for");
        }
        Slices byNode = timeAndNode();
        int need = choice == SplitChoice.AUTO ? options.minSliceFailures() : 1;
        String shortest = poorestSlice(byNode.summary(), need);
        if (shortest == null) {
            return withReason(byNode, choice == SplitChoice.AUTO
                    ? "every slice has at least " + need + " failures, so test nodes can be held out" : "asked for");
        }
        if (choice == SplitChoice.TIME_AND_NODE) {
            throw new IllegalArgumentException("horizon " + DurationText.format(labels.horizon()) + ": a time-and-node split leaves "
                    + shortest + "; use --split time or a longer recording");
        }
        return timeOnly("a time-and-node split would leave " + shortest + " (fewer than " + need + ")");
    }

    private Slices timeAndNode() {
        NodeGroups groups = new NodeGroups(options.validationNodeShare(), options.testNodeShare());
        // nodes that fail together (a Blue Gene/L midplane) share a group, so a burst never straddles the split
        NodeGroups.Group[] groupOf = fleet.nodes().stream().map(n -> groups.of(fleet.facts().nodeGroup(n))).toArray(NodeGroups.Group[]::new);
        long cut = cutAt(options.trainFraction());
        int[] train = rows(i -> groupOf[table.node(i)] == NodeGroups.Group.TRAIN && table.time(i) < cut);
        int[] validation = rows(i -> groupOf[table.node(i)] == NodeGroups.Group.VALIDATION && table.time(i) >= cut);
        int[] test = rows(i -> groupOf[table.node(i)] == NodeGroups.Group.TEST && table.time(i) >= cut);
        String how = String.format(java.util.Locale.ROOT, "%s hashed %.0f/%.0f/%.0f %% into train/validation/test groups; ",
                fleet.facts().nodeGroups().map(p -> "node groups (" + p.pattern() + " of the node id)").orElse("nodes"),
                100 * (1 - options.validationNodeShare() - options.testNodeShare()), 100 * options.validationNodeShare(),
                100 * options.testNodeShare());
        boolean[] testNodes = new boolean[groupOf.length];
        for (int n = 0; n < groupOf.length; n++) {
            testNodes[n] = groupOf[n] == NodeGroups.Group.TEST;
        }
        return slices("TIME_AND_NODE", how, List.of(cut), Duration.ZERO, train, validation, test, new TestScope(testNodes, cut));
    }

    private Slices timeOnly(String reason) {
        long first = cutAt(options.trainFraction());
        long second = cutAt(options.trainFraction() + options.validationFraction());
        long embargo = labels.horizon().toMillis();
        int[] train = rows(i -> table.time(i) < first - embargo);
        int[] validation = rows(i -> table.time(i) >= first && table.time(i) < second - embargo);
        int[] test = rows(i -> table.time(i) >= second);
        Slices s = slices("TIME", "", List.of(first, second), labels.horizon(), train, validation, test,
                TestScope.allNodes(fleet.nodes().size(), second));
        String poorest = poorestSlice(s.summary(), 1);
        if (poorest != null) {
            throw new IllegalArgumentException("horizon " + DurationText.format(labels.horizon()) + ": a time split leaves "
                    + poorest + " (each slice loses the windows within one horizon before the next cut); the recording is "
                    + "too short or has too few failures for this horizon: try a shorter horizon or --split time_and_node");
        }
        return withReason(s, reason);
    }

    /** The first usable time at or after the given share of usable windows: rows before it are "before the cut". */
    private long cutAt(double fraction) {
        int index = (int) Math.min(usableTimes.length - 1, Math.max(1, Math.floor(fraction * usableTimes.length)));
        return usableTimes[index];
    }

    private int[] rows(IntPredicate inSlice) {
        return java.util.stream.IntStream.range(0, table.size()).filter(i -> labels.usable(i) && inSlice.test(i)).toArray();
    }

    private Slices slices(String kind, String how, List<Long> cuts, Duration embargo, int[] train, int[] validation, int[] test,
                          TestScope scope) {
        SplitSummary summary = new SplitSummary(kind, how, cuts.stream().map(c -> Instant.ofEpochMilli(c).toString()).toList(),
                embargo.isZero() ? "none" : DurationText.format(embargo),
                summarise(train), summarise(validation), summarise(test));
        return new Slices(train, validation, test, summary, scope);
    }

    private static Slices withReason(Slices s, String reason) {
        SplitSummary m = s.summary();
        return new Slices(s.train(), s.validation(), s.test(),
                new SplitSummary(m.kind(), m.reason() + reason, m.cuts(), m.embargo(), m.train(), m.validation(), m.test()), s.testScope());
    }

    SliceSummary summarise(int[] rows) {
        int positives = 0;
        Set<String> failures = new HashSet<>();
        Set<Integer> nodes = new HashSet<>();
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int i : rows) {
            nodes.add(table.node(i));
            from = Math.min(from, table.time(i));
            to = Math.max(to, table.time(i));
            if (labels.positive(i)) {
                positives++;
                failures.add(table.node(i) + "@" + labels.failureTime(table, i));
            }
        }
        return new SliceSummary(rows.length, positives, failures.size(), nodes.size(),
                rows.length == 0 ? null : Instant.ofEpochMilli(from).toString(),
                rows.length == 0 ? null : Instant.ofEpochMilli(to).toString());
    }

    /** "the test slice with 2 failures" for the slice with the fewest failures below {@code need}, or null. */
    private static String poorestSlice(SplitSummary s, int need) {
        record Named(String name, SliceSummary slice) {
        }
        return java.util.stream.Stream.of(new Named("training", s.train()), new Named("validation", s.validation()),
                        new Named("test", s.test()))
                .filter(n -> n.slice().failures() < need)
                .min(java.util.Comparator.comparingInt(n -> n.slice().failures()))
                .map(n -> "the " + n.name() + " slice with " + n.slice().failures() + " failures")
                .orElse(null);
    }
}
