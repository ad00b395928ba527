package dev.foresight.actuator.settings;

/** How far the actuator may act on its own decisions. */
public enum Automation {
    /** Decisions are audited and logged as recommendations; nothing reaches the cluster. */
    RECOMMEND,
    /** Decisions wait for an operator's approval; approved ones are published, the rest expire. */
    APPROVE,
    /** Decisions that pass the guardrails are published at once. */
    AUTOMATIC
}
