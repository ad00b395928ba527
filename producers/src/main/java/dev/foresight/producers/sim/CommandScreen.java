package dev.foresight.producers.sim;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.codec.RecordDecodingException;
import org.apache.avro.specific.SpecificRecord;

/**
 * The simulator's gate on the commands topic. The commands topic is the one way into the cluster
 * model, so a record that cannot be a command the actuator decided is refused here, with its reason,
 * instead of stopping the simulator (junk bytes used to stop the consumer on its first poll) or
 * reaching the model. Pure: the verdict depends on the record and on its partition's closed tick only.
 *
 * <p>Checks the shape of a command, never the cluster's state: an unknown VM or a full target is the
 * model's to reject, with its own REJECTED result. A command type this build does not know is not
 * refused here either: it is a newer actuator's command, answered with a REJECTED result by the driver.
 */
public final class CommandScreen implements RecordScreen<Command> {

    /** The reasons this screen writes into {@code foresight.error.reason}, besides the codec's. */
    public enum Reason {
        /** No value at all: a tombstone on a topic that has none. */
        NULL_VALUE,
        /** A record, but not a command or a tick marker. */
        WRONG_TYPE,
        /** A command or marker field that cannot be: blank id or subject, negative tick. */
        INVALID_VALUE,
        /** A command for a tick its partition has already closed: applying it would depend on timing. */
        LATE_COMMAND,
        /** An actuator marker on a partition other than the one it names: it would close another partition's tick. */
        MISROUTED_MARKER
    }

    private final AvroSerde<SpecificRecord> avro = AvroSerde.any();
    private final String stage;

    /** @param stage the stage whose markers close the commands' ticks ("actuator") */
    public CommandScreen(String stage) {
        this.stage = stage;
    }

    @Override
    public Screened<Command> screen(RawRecord record, long closedTick) {
        if (record.value() == null) {
            return refuse(record, Reason.NULL_VALUE.name(), "null value (a tombstone) where a command was expected", null, null);
        }
        SpecificRecord value;
        try {
            value = avro.deserialize(record.topic(), record.value());
        } catch (RecordDecodingException e) {
            return refuse(record, e.reason().name(), e.getMessage(), e.getClass().getName(), null);
        }
        if (value instanceof TickMarker marker) {
            return marker(record, marker);
        }
        if (value instanceof Command command) {
            return command(record, command, closedTick);
        }
        return refuse(record, Reason.WRONG_TYPE.name(),
                "a " + value.getSchema().getName() + " does not belong on " + record.topic(), null, value);
    }

    private Screened<Command> marker(RawRecord record, TickMarker marker) {
        if (!marker.getStage().equals(stage)) {
            return new Screened.Ignored<>();
        }
        if (marker.getPartition() != record.partition()) {
            return refuse(record, Reason.MISROUTED_MARKER.name(), "marker of tick " + marker.getTick() + " names partition "
                    + marker.getPartition() + " but sits on partition " + record.partition(), null, marker);
        }
        if (marker.getTick() < 0) {
            return refuse(record, Reason.INVALID_VALUE.name(), "marker tick " + marker.getTick() + " is negative", null, marker);
        }
        return new Screened.Marker<>(marker.getTick());
    }

    private Screened<Command> command(RawRecord record, Command command, long closedTick) {
        if (command.getCommandId().isBlank()) {
            return refuse(record, Reason.INVALID_VALUE.name(), "commandId is blank", null, command);
        }
        if (command.getTick() < 0) {
            return refuse(record, Reason.INVALID_VALUE.name(),
                    "command " + command.getCommandId() + ": tick " + command.getTick() + " is negative", null, command);
        }
        if (command.getSubject().isBlank()) {
            return refuse(record, Reason.INVALID_VALUE.name(),
                    "command " + command.getCommandId() + ": subject is blank", null, command);
        }
        if (command.getTick() <= closedTick) {
            return refuse(record, Reason.LATE_COMMAND.name(), "command " + command.getCommandId() + " of tick " + command.getTick()
                    + " arrived after partition " + record.partition() + " closed tick " + closedTick, null, command);
        }
        return new Screened.Accepted<>(command, command.getTick());
    }

    private static Screened<Command> refuse(RawRecord record, String reason, String message, String exception,
            SpecificRecord decoded) {
        return new Screened.Refused<>(new Refusal(record, reason, message, exception, decoded));
    }
}
