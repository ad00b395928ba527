package dev.foresight.producers.sim;

import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.PlacedVm;
import dev.foresight.schemas.PowerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translation between the cluster model's plain Java types and the Avro records on the topics. The
 * only place that knows both vocabularies, so the cluster model stays free of Kafka and Avro.
 */
public final class AvroMapping {

    public static final String SOURCE = "simulator";

    private AvroMapping() {}

    public static NodeTelemetry telemetry(TelemetrySample sample, long tick) {
        // LinkedHashMap over the sorted map keeps the metric order, so encoding is byte-identical run to run.
        Map<String, Double> metrics = new LinkedHashMap<>(sample.metrics());
        return NodeTelemetry.newBuilder()
                .setNodeId(sample.nodeId())
                .setTimestamp(Instant.ofEpochMilli(sample.timeMillis()))
                .setTick(tick)
                .setMetrics(metrics)
                .setSource(SOURCE)
                .build();
    }

    public static NodeEvent event(NodeEventRecord event, long tick) {
        return NodeEvent.newBuilder()
                .setNodeId(event.nodeId())
                .setTimestamp(Instant.ofEpochMilli(event.timeMillis()))
                .setTick(tick)
                .setType(NodeEventType.valueOf(event.kind().name()))
                .setDetail(event.detail())
                .setCause(event.cause())
                .build();
    }

    public static NodeState state(NodeView node, long tick, long timeMillis) {
        List<PlacedVm> vms = new ArrayList<>(node.vms().size());
        for (VmView vm : node.vms()) {
            vms.add(PlacedVm.newBuilder()
                    .setVmId(vm.vmId()).setJobId(vm.jobId()).setCores(vm.cores()).setMemoryMb(vm.memoryMb())
                    .setPassthrough(vm.passthrough()).setPriority(vm.priority())
                    .setMigrating(vm.migrating()).setCheckpointing(vm.checkpointing())
                    .build());
        }
        return NodeState.newBuilder()
                .setNodeId(node.nodeId())
                .setRackId(node.rackId())
                .setTimestamp(Instant.ofEpochMilli(timeMillis))
                .setTick(tick)
                .setPower(PowerState.valueOf(node.power().name()))
                .setHealth(Health.valueOf(node.health().name()))
                .setQuarantined(node.quarantined())
                .setCores(node.cores())
                .setMemoryMb(node.memoryMb())
                .setUsedCores(node.usedCores())
                .setUsedMemoryMb(node.usedMemoryMb())
                .setVms(vms)
                .build();
    }

    public static CommandResult result(CommandOutcome outcome, long timeMillis) {
        return CommandResult.newBuilder()
                .setCommandId(outcome.commandId())
                .setTimestamp(Instant.ofEpochMilli(timeMillis))
                .setTick(outcome.tick())
                .setStatus(CommandStatus.valueOf(outcome.status().name()))
                .setReason(outcome.reason())
                .setType(CommandType.valueOf(outcome.kind().name()))
                .setSubject(outcome.subject())
                .build();
    }

    /**
     * The cluster command a Kafka command asks for, or empty when the type is one this build does not
     * know (a newer producer's enum symbol read as UNKNOWN_COMMAND): the caller rejects it with a reason.
     */
    public static Optional<ClusterCommand> command(Command command) {
        if (command.getType() == CommandType.UNKNOWN_COMMAND) {
            return Optional.empty();
        }
        return Optional.of(new ClusterCommand(command.getCommandId(), CommandKind.valueOf(command.getType().name()),
                command.getSubject(), command.getTarget(), command.getReason()));
    }
}
