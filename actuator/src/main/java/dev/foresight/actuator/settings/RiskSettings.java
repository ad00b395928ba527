package dev.foresight.actuator.settings;

/**
 * How predictions become alarms and risks, and when a quarantine opened on a prediction ends early.
 *
 * @param alarmRule what counts as an alarm
 * @param alarmThreshold probability at or above which {@link AlarmRule#THRESHOLD} raises an alarm; also
 *     the model's threshold assumed for a prediction that does not carry its own
 * @param riskBound no VM is ever migrated onto a node whose failure probability is above this
 * @param releaseFraction a quarantined node counts a calm tick when its probability is below this
 *     fraction of the model's alarm threshold (and no alarm). Relative, not absolute: an idle node scores
 *     higher than a busy one on today's models, and an absolute bound (0.1 before) kept idle nodes
 *     quarantined for ever; below 1 so that a node hovering near the threshold does not flap
 * @param releaseAfterTicks consecutive calm ticks before the quarantine is released early
 * @param maxAgeTicks a prediction older than this many ticks no longer speaks for its node (the node
 *     stopped reporting: it failed, or was switched off)
 * @param fallbackHorizonSeconds the horizon H assumed for a prediction that does not carry its model's
 *     (horizonMillis = 0): a quarantine on it expires after H, and its cost is counted over H
 */
public record RiskSettings(
        AlarmRule alarmRule,
        double alarmThreshold,
        double riskBound,
        double releaseFraction,
        int releaseAfterTicks,
        int maxAgeTicks,
        double fallbackHorizonSeconds) {

    public RiskSettings {
        Checks.notNull("risk.alarmRule", alarmRule);
        Checks.probability("risk.alarmThreshold", alarmThreshold);
        Checks.probability("risk.riskBound", riskBound);
        Checks.probability("risk.releaseFraction", releaseFraction);
        Checks.atLeast("risk.releaseAfterTicks", releaseAfterTicks, 1);
        Checks.atLeast("risk.maxAgeTicks", maxAgeTicks, 0);
        Checks.positive("risk.fallbackHorizonSeconds", fallbackHorizonSeconds);
    }

    /** The fallback horizon is the experiments' default (60 one-minute ticks). */
    public static RiskSettings defaults() {
        return new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.5, 10, 2, 3600);
    }

    /** Whether a prediction with this probability and flag is an alarm under this rule. */
    public boolean isAlarm(double probability, boolean flag) {
        return switch (alarmRule) {
            case MODEL_FLAG -> flag;
            case THRESHOLD -> probability >= alarmThreshold;
            case EITHER -> flag || probability >= alarmThreshold;
        };
    }
}
