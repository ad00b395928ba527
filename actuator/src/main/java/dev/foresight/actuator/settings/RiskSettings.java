package dev.foresight.actuator.settings;

/**
 * How predictions become alarms and risks.
 *
 * @param alarmRule what counts as an alarm
 * @param alarmThreshold probability at or above which {@link AlarmRule#THRESHOLD} raises an alarm
 * @param riskBound no VM is ever migrated onto a node whose failure probability is above this
 * @param releaseBelow a quarantined node counts a calm tick when its probability is below this (and no
 *     alarm); lower than the alarm threshold so that a node hovering near it does not flap
 * @param releaseAfterTicks consecutive calm ticks before the quarantine is released
 * @param maxAgeTicks a prediction older than this many ticks no longer speaks for its node (the node
 *     stopped reporting: it failed, or was switched off)
 */
public record RiskSettings(
        AlarmRule alarmRule,
        double alarmThreshold,
        double riskBound,
        double releaseBelow,
        int releaseAfterTicks,
        int maxAgeTicks) {

    public RiskSettings {
        Checks.notNull("risk.alarmRule", alarmRule);
        Checks.probability("risk.alarmThreshold", alarmThreshold);
        Checks.probability("risk.riskBound", riskBound);
        Checks.probability("risk.releaseBelow", releaseBelow);
        Checks.atLeast("risk.releaseAfterTicks", releaseAfterTicks, 1);
        Checks.atLeast("risk.maxAgeTicks", maxAgeTicks, 0);
    }

    public static RiskSettings defaults() {
        return new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.1, 10, 2);
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
