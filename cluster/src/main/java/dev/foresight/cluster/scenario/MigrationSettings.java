package dev.foresight.cluster.scenario;

/**
 * Pre-copy live migration.
 *
 * @param linkBandwidthMbPerSec one node's migration link; migrations sharing a node share its link
 * @param maxRounds pre-copy rounds before stop-and-copy is forced (a VM dirtying faster than the
 *     link never converges)
 * @param maxDowntimeMs stop-and-copy starts once the remaining dirty memory can be sent within this
 * @param switchoverMs fixed pause to move device state and redirect the network, added to the downtime
 */
public record MigrationSettings(double linkBandwidthMbPerSec, int maxRounds, double maxDowntimeMs, double switchoverMs) {

    public static MigrationSettings defaults() {
        return new MigrationSettings(1250, 30, 300, 50);
    }

    public void validate(String path, Violations v) {
        v.positive(path + ".linkBandwidthMbPerSec", linkBandwidthMbPerSec);
        v.atLeast(path + ".maxRounds", maxRounds, 1);
        v.positive(path + ".maxDowntimeMs", maxDowntimeMs);
        v.nonNegative(path + ".switchoverMs", switchoverMs);
    }
}
