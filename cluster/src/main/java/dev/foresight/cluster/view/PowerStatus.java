package dev.foresight.cluster.view;

/** Power state of a node. Transitions that take time (boot, wake, shutdown) have their own states. */
public enum PowerStatus {
    ON,
    OFF,
    /** Suspended: draws little power and wakes faster than a cold boot. */
    LOW_POWER,
    BOOTING,
    SHUTTING_DOWN
}
