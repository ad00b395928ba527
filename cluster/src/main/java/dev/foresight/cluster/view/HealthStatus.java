package dev.foresight.cluster.view;

/**
 * Health of a node.
 *
 * <p>{@link #DEGRADED} is ground truth: the node is inside the degradation period that precedes a
 * predictable failure. Policies fed from Kafka never see it (they must infer it from telemetry); it is
 * kept for oracles, labels and tests.
 */
public enum HealthStatus {
    HEALTHY,
    DEGRADED,
    FAILED,
    REPAIRING
}
