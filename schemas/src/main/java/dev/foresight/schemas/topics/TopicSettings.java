package dev.foresight.schemas.topics;

/**
 * How the topic catalogue is laid out on a cluster.
 *
 * @param prefix            prepended to every topic's suffix (default {@code foresight.}); lets several
 *                          experiments share one cluster
 * @param partitions        partitions of every node-keyed topic; they are co-partitioned, so one number
 * @param replicationFactor 1 on the embedded broker, 3 on a production cluster
 * @param maxModelBytes     {@code max.message.bytes} of the models topic: a model release is one record
 */
public record TopicSettings(String prefix, int partitions, short replicationFactor, int maxModelBytes) {

    public static final String DEFAULT_PREFIX = "foresight.";
    public static final int DEFAULT_PARTITIONS = 4;
    public static final int DEFAULT_MAX_MODEL_BYTES = 16 * 1024 * 1024;

    public TopicSettings {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix may hold only letters, digits, '.', '_' and '-', got '" + prefix + "'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be >= 1, got " + replicationFactor);
        }
        if (maxModelBytes < 1024 * 1024) {
            throw new IllegalArgumentException("max model bytes must be >= 1 MiB, got " + maxModelBytes);
        }
    }

    public static TopicSettings defaults() {
        return new TopicSettings(DEFAULT_PREFIX, DEFAULT_PARTITIONS, (short) 1, DEFAULT_MAX_MODEL_BYTES);
    }

    public TopicSettings withPrefix(String newPrefix) {
        return new TopicSettings(newPrefix, partitions, replicationFactor, maxModelBytes);
    }

    public TopicSettings withPartitions(int newPartitions) {
        return new TopicSettings(prefix, newPartitions, replicationFactor, maxModelBytes);
    }

    public TopicSettings withReplicationFactor(short newReplicationFactor) {
        return new TopicSettings(prefix, partitions, newReplicationFactor, maxModelBytes);
    }
}
