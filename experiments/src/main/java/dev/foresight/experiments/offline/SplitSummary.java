package dev.foresight.experiments.offline;

import java.util.List;

/**
 * Which split was used and what each slice holds: printed with every evaluation, because a figure means
 * little without knowing whether test nodes or test days were seen in training.
 *
 * @param kind       TIME, TIME_AND_NODE, or HELD_OUT_RECORDING (a model trained elsewhere, scored on all of it)
 * @param reason     why this kind (asked for, or what AUTO found)
 * @param cuts       the cut times (ISO): training windows end before the first
 * @param embargo    training (and validation) windows this close before the next cut are dropped
 * @param train      the training slice
 * @param validation the threshold-calibration slice
 * @param test       the held-out slice the figures are measured on
 */
public record SplitSummary(String kind, String reason, List<String> cuts, String embargo, SliceSummary train,
                           SliceSummary validation, SliceSummary test) {

    public SplitSummary {
        cuts = List.copyOf(cuts);
    }
}
