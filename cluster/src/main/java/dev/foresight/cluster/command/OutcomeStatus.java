package dev.foresight.cluster.command;

/**
 * Result of a command. Instant commands (QUARANTINE, RELEASE) go straight to {@link #COMPLETED};
 * commands that take simulated time report {@link #ACCEPTED} when applied and later
 * {@link #COMPLETED} or {@link #FAILED} (for example a migration whose source node failed).
 */
public enum OutcomeStatus {
    ACCEPTED,
    COMPLETED,
    REJECTED,
    FAILED
}
