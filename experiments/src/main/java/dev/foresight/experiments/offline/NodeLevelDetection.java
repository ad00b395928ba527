package dev.foresight.experiments.offline;

/**
 * Detection counted over nodes (drives) rather than windows, as the disk-failure literature reports it,
 * at the calibrated threshold on the test slice.
 *
 * @param failedNodes         nodes with at least one positive window (they fail within the horizon of some window)
 * @param detectedNodes       of which at least one positive window alarmed: flagged before failing
 * @param fdr                 failure detection rate: detectedNodes / failedNodes
 * @param healthyNodes        nodes without any positive window
 * @param flaggedHealthyNodes of which at least one window alarmed
 * @param far                 false alarm rate: flaggedHealthyNodes / healthyNodes
 */
public record NodeLevelDetection(int failedNodes, int detectedNodes, double fdr, int healthyNodes, int flaggedHealthyNodes,
                                 double far) {
}
