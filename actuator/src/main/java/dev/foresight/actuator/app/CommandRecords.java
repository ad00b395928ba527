package dev.foresight.actuator.app;

import dev.foresight.actuator.IssuedCommand;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.schemas.AutomationLevel;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.TickMarker;
import java.time.Instant;
import java.util.Optional;

/** Between the decision core's types and the Avro records on the wire. */
public final class CommandRecords {

    private CommandRecords() {}

    /** The wire form; {@code mode} says by whose authority it is executed. */
    public static Command command(IssuedCommand issued, long timeMillis) {
        var decision = issued.decision();
        var p = decision.proposal();
        return Command.newBuilder()
                .setCommandId(decision.commandId())
                .setTimestamp(Instant.ofEpochMilli(timeMillis))
                .setTick(issued.tick())
                .setType(CommandType.valueOf(p.kind().name()))
                .setSubject(p.subject())
                .setTarget(p.target())
                .setReason(p.reason())
                .setPredictionRef(p.predictionRef())
                .setMode(issued.authority() == Automation.APPROVE
                        ? AutomationLevel.APPROVE
                        : AutomationLevel.AUTOMATIC)
                .setExpectedGainCoreSeconds(p.economics() == null ? null : p.economics().expectedGain())
                .setCostCoreSeconds(p.economics() == null ? null : p.economics().cost())
                .build();
    }

    static TickMarker marker(String stage, long tick, int partition, int partitionCount, long timeMillis) {
        return TickMarker.newBuilder()
                .setStage(stage)
                .setTick(tick)
                .setPartition(partition)
                .setPartitionCount(partitionCount)
                .setTimestamp(Instant.ofEpochMilli(timeMillis))
                .build();
    }

    /** The outcome, or empty for a result whose type or status this build does not know. */
    static Optional<CommandOutcome> outcome(CommandResult result) {
        if (result.getType() == CommandType.UNKNOWN_COMMAND) {
            return Optional.empty();
        }
        OutcomeStatus status = switch (result.getStatus()) {
            case ACCEPTED -> OutcomeStatus.ACCEPTED;
            case COMPLETED -> OutcomeStatus.COMPLETED;
            case REJECTED -> OutcomeStatus.REJECTED;
            case FAILED -> OutcomeStatus.FAILED;
            case UNKNOWN_STATUS -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new CommandOutcome(result.getCommandId(), CommandKind.valueOf(result.getType().name()),
                result.getSubject(), status, result.getReason(), result.getTick()));
    }
}
