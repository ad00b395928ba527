package dev.foresight.experiments.offline;

/**
 * One slice of a split.
 *
 * @param examples  windows in the slice
 * @param positives of which positive (window-level, unweighted)
 * @param failures  distinct failures (node, time) with a positive window in the slice
 * @param nodes     distinct nodes
 * @param from      the oldest window end (ISO), or null when empty
 * @param to        the newest window end (ISO), or null when empty
 */
public record SliceSummary(int examples, int positives, int failures, int nodes, String from, String to) {
}
