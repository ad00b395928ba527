package dev.foresight.actuator.settings;

/**
 * Proactive fault tolerance.
 *
 * @param expectedLeadSeconds time an alarm is assumed to leave before the failure; migrations that
 *     cannot finish within it are not attempted and the job is checkpointed instead
 * @param migrationBandwidthMbPerSec one node's migration link; migrations leaving one node share it,
 *     so they are timed one after the other
 */
public record ProactiveSettings(double expectedLeadSeconds, double migrationBandwidthMbPerSec) {

    public ProactiveSettings {
        Checks.positive("proactive.expectedLeadSeconds", expectedLeadSeconds);
        Checks.positive("proactive.migrationBandwidthMbPerSec", migrationBandwidthMbPerSec);
    }

    public static ProactiveSettings defaults() {
        return new ProactiveSettings(1800, 1250);
    }
}
