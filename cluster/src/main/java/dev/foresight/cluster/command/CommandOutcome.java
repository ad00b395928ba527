package dev.foresight.cluster.command;

/**
 * What happened to a command at tick {@code tick}.
 *
 * @param reason why it was rejected or failed, or a short note on completion; null when there is
 *     nothing to say
 */
public record CommandOutcome(String commandId, CommandKind kind, String subject, OutcomeStatus status, String reason, long tick) {}
