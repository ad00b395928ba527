package dev.foresight.cluster;

/** A node event, stamped with the end of the tick in which it happened. */
public record NodeEventRecord(String nodeId, long timeMillis, NodeEventKind kind, String detail) {}
