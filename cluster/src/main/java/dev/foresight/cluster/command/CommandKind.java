package dev.foresight.cluster.command;

/** What a {@link ClusterCommand} asks the cluster to do. */
public enum CommandKind {
    MIGRATE,
    CHECKPOINT,
    POWER_OFF,
    POWER_ON,
    QUARANTINE,
    RELEASE
}
