package dev.foresight.schemas;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/** One realistic instance of every top-level record, with optional fields filled in and left empty. */
final class RecordSamples {

    static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private RecordSamples() {}

    static List<SpecificRecord> all() {
        return List.of(
                NodeTelemetry.newBuilder().setNodeId("node-0007").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setMetrics(new TreeMap<>(Map.of("temp_cpu_c", 61.5, "ecc_correctable_total", 12.0)))
                        .setSource("simulator").build(),
                NodeEvent.newBuilder().setNodeId("node-0007").setTimestamp(java.time.Instant.ofEpochMilli(T0 + 60_000)).setTick(1)
                        .setType(NodeEventType.FAILED).setDetail("memory").build(),
                NodeEvent.newBuilder().setNodeId("node-0001").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setType(NodeEventType.REPAIRED).setDetail(null).build(),
                FeatureVector.newBuilder().setNodeId("node-0007").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setNames(List.of("w30m.temp_cpu_c.mean", "w30m.temp_cpu_c.slope")).setValues(List.of(60.0, 0.25)).build(),
                LabeledExample.newBuilder().setNodeId("node-0007").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setNames(List.of("a")).setValues(List.of(1.0)).setFailed(true).setHorizonMillis(3_600_000L)
                        .setLeadTimeMillis(1_200_000L).setWeight(1.0).build(),
                ModelRelease.newBuilder().setVersion(3).setAlgorithm("RANDOM_FOREST").setFeatureNames(List.of("a", "b"))
                        .setThreshold(0.42).setHorizonMillis(3_600_000L).setMetrics(new TreeMap<>(Map.of("precision", 0.9, "recall", 0.7)))
                        .setEffectiveTick(120).setEffectiveTime(java.time.Instant.ofEpochMilli(T0 + 7_200_000))
                        .setPayload(ByteBuffer.wrap(new byte[] {1, 2, 3, 4})).build(),
                Prediction.newBuilder().setNodeId("node-0007").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setProbability(0.93).setAlarm(true).setModelVersion(3).build(),
                NodeState.newBuilder().setNodeId("node-0007").setRackId("rack-00").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setPower(PowerState.ON).setHealth(Health.HEALTHY).setQuarantined(false).setCores(32).setMemoryMb(131072)
                        .setUsedCores(8).setUsedMemoryMb(16384)
                        .setVms(List.of(PlacedVm.newBuilder().setVmId("vm-12").setJobId("job-3").setCores(8).setMemoryMb(16384)
                                .setPassthrough(false).setPriority(1).setMigrating(false).setCheckpointing(false).build()))
                        .build(),
                Command.newBuilder().setCommandId("cmd-1").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(0)
                        .setType(CommandType.MIGRATE).setSubject("vm-12").setTarget("node-0003").setReason("alarm on node-0007")
                        .setPredictionRef("node-0007@0/3").setMode(AutomationLevel.AUTOMATIC).build(),
                CommandResult.newBuilder().setCommandId("cmd-1").setTimestamp(java.time.Instant.ofEpochMilli(T0)).setTick(1)
                        .setStatus(CommandStatus.REJECTED).setReason("target node-0003 is powered off")
                        .setType(CommandType.MIGRATE).setSubject("vm-12").build(),
                TickMarker.newBuilder().setStage("simulator").setTick(5).setPartition(2).setPartitionCount(4)
                        .setTimestamp(java.time.Instant.ofEpochMilli(T0 + 300_000)).build());
    }
}
