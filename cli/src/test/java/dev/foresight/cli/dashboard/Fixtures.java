package dev.foresight.cli.dashboard;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.PowerState;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.codec.AvroTrust;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Pipeline records for dashboard tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    static {
        AvroTrust.ensure();
    }

    private Fixtures() {}

    static NodeState node(String id, String rack, PowerState power, Health health, int usedCores, long tick) {
        return NodeState.newBuilder().setNodeId(id).setRackId(rack).setTimestamp(T0).setTick(tick).setPower(power)
                .setHealth(health).setQuarantined(false).setCores(32).setMemoryMb(131072).setUsedCores(usedCores)
                .setUsedMemoryMb(usedCores * 4096L).setVms(List.of()).build();
    }

    static Prediction prediction(String node, long tick, double p, boolean alarm) {
        return Prediction.newBuilder().setNodeId(node).setTimestamp(T0).setTick(tick).setProbability(p).setAlarm(alarm)
                .setModelVersion(2).build();
    }

    static Command migrate(String vm, String target, long tick) {
        return Command.newBuilder().setCommandId("c-" + vm).setTimestamp(T0).setTick(tick).setType(CommandType.MIGRATE)
                .setSubject(vm).setTarget(target).setReason("node-001 predicted to fail").build();
    }

    static CommandResult completed(String vm, long tick) {
        return CommandResult.newBuilder().setCommandId("c-" + vm).setTimestamp(T0).setTick(tick).setStatus(CommandStatus.COMPLETED)
                .setType(CommandType.MIGRATE).setSubject(vm).build();
    }

    static NodeEvent event(String node, NodeEventType type, long tick) {
        return NodeEvent.newBuilder().setNodeId(node).setTimestamp(T0).setTick(tick).setType(type).build();
    }

    static ModelRelease model(int version) {
        return ModelRelease.newBuilder().setVersion(version).setAlgorithm("random-forest").setFeatureNames(List.of("f"))
                .setThreshold(0.42).setHorizonMillis(3_600_000).setMetrics(Map.of()).setEffectiveTick(10).setEffectiveTime(T0)
                .setPayload(ByteBuffer.wrap(new byte[] {1}))
                .setProvenance(Map.of("source", "online trainer", "seed", "42", "replaces", "v" + (version - 1))).build();
    }
}
