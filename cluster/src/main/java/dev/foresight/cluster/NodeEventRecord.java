package dev.foresight.cluster;

/**
 * A node event, stamped with the end of the tick in which it happened.
 *
 * @param detail free text for people
 * @param cause  for FAILED events, the failure class ({@link dev.foresight.cluster.failure.FailureClass#label()});
 *               null otherwise
 */
public record NodeEventRecord(String nodeId, long timeMillis, NodeEventKind kind, String detail, String cause) {

    public NodeEventRecord(String nodeId, long timeMillis, NodeEventKind kind, String detail) {
        this(nodeId, timeMillis, kind, detail, null);
    }
}
