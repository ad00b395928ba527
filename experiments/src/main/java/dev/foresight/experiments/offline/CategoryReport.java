package dev.foresight.experiments.offline;

import java.util.List;

/**
 * Recall per failure category on a test slice, for recordings whose failures carry a category.
 *
 * @param minLead             a failure counts as detected only if flagged at least this long before it
 * @param silentNodeScore     the model's score for a window of zeros, which is what a node without telemetry
 *                            (silent since its last event) would get; null for recordings that never go silent
 * @param silentNodeAlarms    whether that score reaches the calibrated threshold (then leaving silent nodes out
 *                            of the windows would hide false alarms)
 * @param categories          "all" first, then each category by name
 */
public record CategoryReport(String minLead, Double silentNodeScore, Boolean silentNodeAlarms, List<CategoryRecall> categories) {

    public CategoryReport {
        categories = List.copyOf(categories);
    }
}
