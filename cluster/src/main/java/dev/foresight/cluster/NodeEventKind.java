package dev.foresight.cluster;

/** Node life-cycle events published as ground truth (labels, dashboards, audits). */
public enum NodeEventKind {
    FAILED,
    REPAIRED,
    /** Power-on (or wake from low power) started; {@link #BOOTED} follows when the node is usable. */
    POWERED_ON,
    /** The node reached OFF or LOW_POWER. */
    POWERED_OFF,
    BOOTED,
    QUARANTINED,
    RELEASED
}
