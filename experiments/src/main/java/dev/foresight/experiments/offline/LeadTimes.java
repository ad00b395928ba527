package dev.foresight.experiments.offline;

import java.util.SortedMap;

/**
 * How long before failing the detected failures of the test slice were flagged, in the recording's
 * natural unit: days for daily data, minutes otherwise. Per failure, the lead is that of its earliest
 * alarming window, so it is at most the horizon.
 *
 * @param unit         "days" or "minutes"
 * @param failures     failures with a positive window in the test slice
 * @param detected     of which flagged
 * @param min          shortest lead (null when none detected)
 * @param p50          median lead (nearest rank)
 * @param p90          90th percentile lead
 * @param max          longest lead
 * @param histogram    detected failures by lead, rounded to whole units
 */
public record LeadTimes(String unit, int failures, int detected, Double min, Double p50, Double p90, Double max,
                        SortedMap<Long, Integer> histogram) {
}
