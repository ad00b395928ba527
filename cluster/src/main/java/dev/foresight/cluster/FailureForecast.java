package dev.foresight.cluster;

import dev.foresight.cluster.failure.FailureClass;

/**
 * Ground truth about a coming failure, for the oracle-predictor baseline and for tests.
 *
 * @param failTick             the tick during which the node fails
 * @param failureClass         what breaks
 * @param announced            whether precursors show in the telemetry before it
 * @param degradationStartTick first tick of the degradation period (equal to {@code failTick} when the failure is
 *                             sudden)
 */
public record FailureForecast(String nodeId, long failTick, FailureClass failureClass, boolean announced,
                              long degradationStartTick) {}
