package dev.foresight.actuator.settings;

/** The decision policies, in the order the actuator consults them each tick. */
public enum PolicyKind {
    /** Releases quarantined nodes after repair or once their risk has stayed low. */
    RELEASE,
    /** Quarantines alarmed nodes, migrates their VMs away, checkpoints what cannot move. */
    PROACTIVE,
    /** Migrates VMs so that a blocked high-priority job can start. */
    MAKING_ROOM,
    /** Powers nodes on ahead of queued demand and to restore headroom. */
    POWER_ON,
    /** Packs VMs onto fewer nodes and powers emptied nodes off. */
    CONSOLIDATION,
    /** Checkpoints jobs at an interval adapted to the predictor's recall. */
    CHECKPOINT,
    /** An operator's approval of a command proposed earlier (not a policy; an origin in the audit trail). */
    APPROVAL
}
