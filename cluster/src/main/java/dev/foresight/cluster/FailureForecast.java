package dev.foresight.cluster;

/**
 * Ground truth about a coming hardware failure, for the oracle-predictor baseline and for tests.
 *
 * @param failTick the tick during which the node fails
 * @param predictable whether precursors show in the telemetry before it
 * @param degradationStartTick first tick of the degradation period (equal to {@code failTick} when
 *     the failure is sudden)
 */
public record FailureForecast(String nodeId, long failTick, boolean predictable, long degradationStartTick) {}
