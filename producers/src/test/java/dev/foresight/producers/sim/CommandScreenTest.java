package dev.foresight.producers.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroTrust;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class CommandScreenTest {

    private static final String TOPIC = "t.foresight.commands";

    static {
        AvroTrust.ensure(); // builders resolve enum defaults through Avro's class loading
    }

    private final CommandScreen screen = new CommandScreen("actuator");

    private static Command.Builder command(String id, long tick) {
        return Command.newBuilder().setCommandId(id).setTimestamp(Instant.ofEpochMilli(tick * 60_000)).setTick(tick)
                .setType(CommandType.QUARANTINE).setSubject("node-0001").setReason("test");
    }

    private static TickMarker marker(String stage, long tick, int partition) {
        return TickMarker.newBuilder().setStage(stage).setTick(tick).setPartition(partition).setPartitionCount(3)
                .setTimestamp(Instant.ofEpochMilli(tick * 60_000)).build();
    }

    private static RawRecord on(int partition, byte[] value) {
        return new RawRecord(TOPIC, partition, 42, "node-0001".getBytes(StandardCharsets.UTF_8), value);
    }

    private static RawRecord on(int partition, SpecificRecord value) {
        return on(partition, AvroCodec.encode(value));
    }

    private Refusal refused(Screened<Command> verdict) {
        assertThat(verdict).as("refused, not handed on").isInstanceOf(Screened.Refused.class);
        return ((Screened.Refused<Command>) verdict).refusal();
    }

    @Test
    void aWellFormedCommandIsAcceptedForTheTickItWasDecidedAt() {
        Command command = command("c-1", 5).build();
        assertThat(screen.screen(on(0, command), 4)).isEqualTo(new Screened.Accepted<>(command, 5L));
    }

    @Test
    void junkBytesAreRefusedWithTheCodecReasonAndKeptByteForByte() {
        byte[] junk = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        Refusal refusal = refused(screen.screen(on(1, junk), 3));
        assertThat(refusal.reason()).isEqualTo("BAD_HEADER");
        assertThat(refusal.exception()).endsWith("RecordDecodingException");
        assertThat(refusal.raw().value()).as("the dead letter carries the original bytes").isEqualTo(junk);
        assertThat(refusal.decoded()).isNull();
    }

    @Test
    void aTruncatedCommandIsACorruptDatum() {
        byte[] whole = AvroCodec.encode(command("c-1", 5).build());
        Refusal refusal = refused(screen.screen(on(0, Arrays.copyOf(whole, 14)), -1));
        assertThat(refusal.reason()).isEqualTo("CORRUPT_DATUM");
    }

    @Test
    void aTombstoneIsANullValue() {
        assertThat(refused(screen.screen(on(0, (byte[]) null), -1)).reason()).isEqualTo("NULL_VALUE");
    }

    @Test
    void anotherRecordTypeOnTheCommandsTopicIsTheWrongType() {
        NodeTelemetry telemetry = NodeTelemetry.newBuilder().setNodeId("node-0001").setTimestamp(Instant.EPOCH).setTick(1)
                .setMetrics(Map.of()).setSource("test").build();
        Refusal refusal = refused(screen.screen(on(0, telemetry), -1));
        assertThat(refusal.reason()).isEqualTo("WRONG_TYPE");
        assertThat(refusal.message()).contains("NodeTelemetry");
    }

    @Test
    void aCommandWithoutAnIdIsRefusedAndGetsNoResultNobodyCouldMatch() {
        Refusal refusal = refused(screen.screen(on(0, command(" ", 5).build()), -1));
        assertThat(refusal.reason()).isEqualTo("INVALID_VALUE");
        assertThat(refusal.message()).contains("commandId");
        assertThat(CommandRejection.of(refusal, 7, 420_000)).isEmpty();
    }

    @Test
    void aCommandWithANegativeTickOrABlankSubjectIsInvalidAndAnsweredRejected() {
        Refusal negative = refused(screen.screen(on(0, command("c-neg", -3).build()), -1));
        assertThat(negative.reason()).isEqualTo("INVALID_VALUE");
        Refusal blank = refused(screen.screen(on(0, command("c-blank", 5).setSubject("").build()), -1));
        assertThat(blank.message()).contains("subject");

        Optional<CommandResult> result = CommandRejection.of(negative, 7, 420_000);
        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.getCommandId()).isEqualTo("c-neg");
            assertThat(r.getStatus()).isEqualTo(CommandStatus.REJECTED);
            assertThat(r.getTick()).as("stamped with the tick it was due at").isEqualTo(7);
            assertThat(r.getReason()).startsWith("INVALID_VALUE: ").contains("negative");
        });
    }

    @Test
    void aCommandForATickItsPartitionHasClosedIsLate() {
        Refusal late = refused(screen.screen(on(2, command("c-late", 4).build()), 4));
        assertThat(late.reason()).isEqualTo("LATE_COMMAND");
        assertThat(screen.screen(on(2, command("c-ok", 5).build()), 4)).isInstanceOf(Screened.Accepted.class);
    }

    @Test
    void markersCloseTicksOnlyFromTheActuatorAndOnTheirOwnPartition() {
        assertThat(screen.screen(on(1, marker("actuator", 3, 1)), 2)).isEqualTo(new Screened.Marker<>(3L));
        assertThat(screen.screen(on(1, marker("simulator", 3, 1)), 2)).isInstanceOf(Screened.Ignored.class);
        assertThat(refused(screen.screen(on(1, marker("actuator", 3, 2)), 2)).reason()).isEqualTo("MISROUTED_MARKER");
    }
}
