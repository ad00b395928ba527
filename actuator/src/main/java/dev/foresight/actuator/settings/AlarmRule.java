package dev.foresight.actuator.settings;

/** What turns a prediction into an alarm the proactive policy answers. */
public enum AlarmRule {
    /** The predictor's own flag, set against the threshold it calibrated on validation data. */
    MODEL_FLAG,
    /** {@code probability >= alarmThreshold}, ignoring the flag (to trade precision for recall here). */
    THRESHOLD,
    /** Either of the above. */
    EITHER
}
