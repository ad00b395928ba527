package dev.foresight.actuator.settings;

/**
 * Proactive fault tolerance.
 *
 * @param expectedLeadSeconds time an alarm is assumed to leave before the failure; migrations that
 *     cannot finish within it are not attempted and the job is checkpointed instead
 * @param migrationBandwidthMbPerSec one node's migration link; migrations leaving one node share it,
 *     so they are timed one after the other
 * @param migrationDowntimeSeconds the pause of one pre-copy migration (stop-and-copy plus switch-over),
 *     during which the whole job stalls: the migration's cost. The cluster model's default is its
 *     {@code maxDowntimeMs} plus {@code switchoverMs} (300 + 50 ms), reached by any VM whose dirty
 *     rate the link outruns
 */
public record ProactiveSettings(double expectedLeadSeconds, double migrationBandwidthMbPerSec, double migrationDowntimeSeconds) {

    public ProactiveSettings {
        Checks.positive("proactive.expectedLeadSeconds", expectedLeadSeconds);
        Checks.positive("proactive.migrationBandwidthMbPerSec", migrationBandwidthMbPerSec);
        Checks.nonNegative("proactive.migrationDowntimeSeconds", migrationDowntimeSeconds);
    }

    public static ProactiveSettings defaults() {
        return new ProactiveSettings(1800, 1250, 0.35);
    }
}
