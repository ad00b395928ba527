package dev.foresight.producers.sim;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The REJECTED result of a command the cluster model never saw, so that its issuer learns its fate
 * rather than waiting for a result that never comes. Stamped with the tick the command was due at.
 */
public final class CommandRejection {

    static final String UNKNOWN_TYPE = "unknown command type: this simulator cannot apply it";

    private CommandRejection() {}

    /** A command of a type this build does not know (a newer actuator's). */
    public static CommandResult unknownType(Command command, long tick, long timeMillis) {
        return rejected(command, UNKNOWN_TYPE, tick, timeMillis);
    }

    /**
     * The result of a refused record, when it decoded into a command whose id can be read; empty for
     * bytes that are no command, or a command without an id: nobody could match such a result.
     */
    public static Optional<CommandResult> of(Refusal refusal, long tick, long timeMillis) {
        if (refusal.decoded() instanceof Command command && !command.getCommandId().isBlank()) {
            return Optional.of(rejected(command, refusal.reason() + ": " + refusal.message(), tick, timeMillis));
        }
        return Optional.empty();
    }

    private static CommandResult rejected(Command command, String reason, long tick, long timeMillis) {
        return CommandResult.newBuilder()
                .setCommandId(command.getCommandId()).setTimestamp(Instant.ofEpochMilli(timeMillis))
                .setTick(tick).setStatus(CommandStatus.REJECTED).setReason(reason)
                .setType(command.getType()).setSubject(command.getSubject()).build();
    }
}
