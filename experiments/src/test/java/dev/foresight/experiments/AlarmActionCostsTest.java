package dev.foresight.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmActionCostsTest {

    private static final long TICK_SECONDS = 60;
    private static final long HORIZON = 30;

    @TempDir
    Path dir;

    /**
     * n1 fails at tick 40: the migration answering its prediction at tick 20 was on a true alarm; the checkpoint
     * answering tick 5 was not (40 is beyond 5 + 30). n2 never fails: its quarantine (ticks 10..70) is a false alarm
     * in full. A rejected command costs nothing; a command without a prediction (power management) is no alarm
     * action; n1's quarantine from 25 ends in a failure, so it is not counted as quarantine without a failure.
     */
    @Test
    void chargesActionsOnAlarmsThatNoFailureFollowedAndQuarantineTimeWithoutAFailure() {
        try (RunRecorder recorder = new RunRecorder(dir, "hand")) {
            recorder.append(RecordingStream.COMMANDS, command("c1", CommandType.MIGRATE, "n1@20/v1", 600.0));
            recorder.append(RecordingStream.COMMANDS, command("c2", CommandType.CHECKPOINT, "n1@5/v1", 1_800.0));
            recorder.append(RecordingStream.COMMANDS, command("c3", CommandType.QUARANTINE, "n2@10/v1", 7_200.0));
            recorder.append(RecordingStream.COMMANDS, command("c4", CommandType.QUARANTINE, "n3@10/v1", 99_999.0));
            recorder.append(RecordingStream.COMMANDS, command("c5", CommandType.POWER_OFF, null, null));
            recorder.append(RecordingStream.COMMANDS, command("c6", CommandType.QUARANTINE, "n1@25/v1", 360.0));
            recorder.append(RecordingStream.COMMAND_RESULTS, CommandResult.newBuilder().setCommandId("c4")
                    .setTimestamp(Instant.EPOCH).setStatus(CommandStatus.REJECTED).setType(CommandType.QUARANTINE)
                    .setSubject("n3").build());
            recorder.append(RecordingStream.NODE_EVENTS, event("n2", 11, NodeEventType.QUARANTINED));
            recorder.append(RecordingStream.NODE_EVENTS, event("n1", 26, NodeEventType.QUARANTINED));
            recorder.append(RecordingStream.NODE_EVENTS, event("n1", 40, NodeEventType.FAILED));
            recorder.append(RecordingStream.NODE_EVENTS, event("n1", 50, NodeEventType.RELEASED));
            recorder.append(RecordingStream.NODE_EVENTS, event("n2", 71, NodeEventType.RELEASED));
        }

        Map<String, Double> f = AlarmActionCosts.measure(dir, HORIZON, TICK_SECONDS, 100);

        assertThat(f.get("alarmActions")).isEqualTo(4.0);
        assertThat(f.get("falseAlarmActions")).isEqualTo(2.0);
        assertThat(f.get("alarmActionCostCoreHours")).isCloseTo((600 + 1_800 + 7_200 + 360) / 3600.0, within(1e-9));
        assertThat(f.get("falseAlarmCostCoreHours")).isCloseTo((1_800 + 7_200) / 3600.0, within(1e-9));
        assertThat(f.get("quarantinedNodeHoursWithoutFailure")).isCloseTo(60 * 60 / 3600.0, within(1e-9));
    }

    @Test
    void aQuarantineOpenAtTheEndCountsUpToTheLastTick() {
        try (RunRecorder recorder = new RunRecorder(dir, "hand")) {
            recorder.append(RecordingStream.COMMANDS, command("c1", CommandType.QUARANTINE, "n1@10/v1", 100.0));
            recorder.append(RecordingStream.NODE_EVENTS, event("n1", 11, NodeEventType.QUARANTINED));
        }

        assertThat(AlarmActionCosts.measure(dir, HORIZON, TICK_SECONDS, 100).get("quarantinedNodeHoursWithoutFailure"))
                .isCloseTo(89 / 60.0, within(1e-9));
    }

    @Test
    void aRunThatActedOnNoPredictionHasNoFigures() {
        try (RunRecorder recorder = new RunRecorder(dir, "hand")) {
            recorder.append(RecordingStream.COMMANDS, command("c1", CommandType.POWER_OFF, null, null));
        }

        assertThat(AlarmActionCosts.measure(dir, HORIZON, TICK_SECONDS, 100)).isEmpty();
    }

    private static Command command(String id, CommandType type, String predictionRef, Double cost) {
        return Command.newBuilder().setCommandId(id).setTimestamp(Instant.EPOCH).setTick(0).setType(type).setSubject("s")
                .setReason("test").setPredictionRef(predictionRef).setCostCoreSeconds(cost)
                .setExpectedGainCoreSeconds(cost == null ? null : 2 * cost).build();
    }

    private static NodeEvent event(String node, long tick, NodeEventType type) {
        return NodeEvent.newBuilder().setNodeId(node).setTimestamp(Instant.ofEpochSecond(tick * TICK_SECONDS)).setTick(tick)
                .setType(type).build();
    }
}
