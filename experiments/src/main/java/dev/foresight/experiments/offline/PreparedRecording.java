package dev.foresight.experiments.offline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/** A recording turned into feature vectors: the common first step of train and evaluate. */
record PreparedRecording(RecordedFleet fleet, FeatureTable table, int labelEveryTicks) {

    /** With the options' windows, metrics and stride, resolved for the recording's tick length. */
    static PreparedRecording prepare(RecordedFleet fleet, OfflineOptions options, Consumer<String> progress) {
        return prepare(fleet, options.windowsFor(fleet.tick()), options.metrics(), options.labelEveryFor(fleet.tick()), progress);
    }

    /**
     * @param windows feature windows
     * @param metrics the metrics to use; empty for all of the recording's
     */
    static PreparedRecording prepare(RecordedFleet fleet, List<Duration> windows, SortedSet<String> metrics, int labelEveryTicks,
                                     Consumer<String> progress) {
        requireWindowsWithinTelemetry(fleet, windows);
        progress.accept(String.format(Locale.ROOT, "%s: %d telemetry records, %d nodes, %d failures, tick %s",
                fleet.facts().name(), fleet.telemetryRecords(), fleet.nodes().size(), fleet.failures(), DurationText.format(fleet.tick())));
        SortedSet<String> chosen = new TreeSet<>(metrics.isEmpty() ? fleet.metricCounts().keySet() : metrics);
        SortedSet<String> unknown = new TreeSet<>(chosen);
        unknown.removeAll(fleet.metricCounts().keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("metrics " + unknown + " are not in " + fleet.directory() + "; it has "
                    + fleet.metricCounts().keySet());
        }
        FeatureTable table = FeatureTable.extract(fleet, windows, chosen, fleet.reportsLife(), labelEveryTicks);
        progress.accept(String.format(Locale.ROOT, "features: %d windows x %d features (windows %s, every %d tick(s))",
                table.size(), table.schema().size(), windows.stream().map(DurationText::format).toList(), labelEveryTicks));
        return new PreparedRecording(fleet, table, labelEveryTicks);
    }

    /**
     * With a declared metric list that may name metrics the recording lacks (their features are NaN), and node-life
     * features as a model was trained with them.
     */
    static PreparedRecording prepareDeclared(RecordedFleet fleet, List<Duration> windows, SortedSet<String> metrics,
                                             boolean nodeLife, int labelEveryTicks, Consumer<String> progress) {
        requireWindowsWithinTelemetry(fleet, windows);
        FeatureTable table = FeatureTable.extract(fleet, windows, metrics, nodeLife, labelEveryTicks);
        progress.accept(String.format(Locale.ROOT, "features: %d windows x %d features", table.size(), table.schema().size()));
        return new PreparedRecording(fleet, table, labelEveryTicks);
    }

    /**
     * A recording that stops a node's telemetry some time after its last non-zero reading (Blue Gene/L: 24 h
     * after a card's last warning) holds true zeros only within that time; a longer window would see the gap
     * as missing values, so it is refused.
     */
    private static void requireWindowsWithinTelemetry(RecordedFleet fleet, List<Duration> windows) {
        fleet.facts().silentAfter().ifPresent(silent -> {
            Duration longest = windows.stream().max(Duration::compareTo).orElseThrow();
            if (longest.compareTo(silent) > 0) {
                throw new IllegalArgumentException("window " + DurationText.format(longest) + " is longer than " + fleet.directory()
                        + " keeps a node's telemetry after its last event (" + DurationText.format(silent) + "): give --windows of at most "
                        + DurationText.format(silent) + " (e.g. 1h,6h," + DurationText.format(silent) + "), or re-import with a longer "
                        + "--silent-after");
            }
        });
    }
}
