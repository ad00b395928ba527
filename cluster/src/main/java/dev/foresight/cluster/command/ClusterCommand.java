package dev.foresight.cluster.command;

/**
 * A request to change the cluster.
 *
 * @param subject the VM id for {@link CommandKind#MIGRATE}, the job id for {@link CommandKind#CHECKPOINT},
 *     the node id otherwise
 * @param target the destination node id for {@link CommandKind#MIGRATE}; for {@link CommandKind#POWER_OFF},
 *     {@code "LOW_POWER"} asks for the suspended state instead of a full power-off; null otherwise
 * @param reason why the command was issued (audit trail), may be null
 */
public record ClusterCommand(String commandId, CommandKind kind, String subject, String target, String reason) {

    public static ClusterCommand migrate(String commandId, String vmId, String targetNodeId, String reason) {
        return new ClusterCommand(commandId, CommandKind.MIGRATE, vmId, targetNodeId, reason);
    }

    public static ClusterCommand checkpoint(String commandId, String jobId, String reason) {
        return new ClusterCommand(commandId, CommandKind.CHECKPOINT, jobId, null, reason);
    }

    public static ClusterCommand powerOff(String commandId, String nodeId, String reason) {
        return new ClusterCommand(commandId, CommandKind.POWER_OFF, nodeId, null, reason);
    }

    public static ClusterCommand lowPower(String commandId, String nodeId, String reason) {
        return new ClusterCommand(commandId, CommandKind.POWER_OFF, nodeId, LOW_POWER_TARGET, reason);
    }

    public static ClusterCommand powerOn(String commandId, String nodeId, String reason) {
        return new ClusterCommand(commandId, CommandKind.POWER_ON, nodeId, null, reason);
    }

    public static ClusterCommand quarantine(String commandId, String nodeId, String reason) {
        return new ClusterCommand(commandId, CommandKind.QUARANTINE, nodeId, null, reason);
    }

    public static ClusterCommand release(String commandId, String nodeId, String reason) {
        return new ClusterCommand(commandId, CommandKind.RELEASE, nodeId, null, reason);
    }

    /** {@link #target()} value of a POWER_OFF that suspends the node instead of switching it off. */
    public static final String LOW_POWER_TARGET = "LOW_POWER";
}
