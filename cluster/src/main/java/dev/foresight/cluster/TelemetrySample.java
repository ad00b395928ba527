package dev.foresight.cluster;

import java.util.SortedMap;

/**
 * One node's sensor readings at the end of a tick. Metric names come from {@link Metrics}; the map
 * is sorted so that serialising it is deterministic.
 */
public record TelemetrySample(String nodeId, long timeMillis, SortedMap<String, Double> metrics) {}
