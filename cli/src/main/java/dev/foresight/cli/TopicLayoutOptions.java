package dev.foresight.cli;

import dev.foresight.schemas.topics.TopicSettings;
import picocli.CommandLine.Option;

/**
 * Which topics a command works on: prefix, partitions of the node-keyed topics, replication factor of the
 * topics it creates. One mixin, so every command names and defaults them alike (the compose drift test
 * relies on that).
 */
public final class TopicLayoutOptions {

    @Option(names = "--prefix", defaultValue = TopicSettings.DEFAULT_PREFIX, description = "Topic name prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--partitions", defaultValue = "" + TopicSettings.DEFAULT_PARTITIONS,
            description = "Partitions of the node-keyed topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of the topics it creates (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    public String prefix() {
        return prefix;
    }

    /** The layout; invalid values raise an error that names the setting. */
    public TopicSettings settings() {
        return TopicSettings.defaults().withPrefix(prefix).withPartitions(partitions).withReplicationFactor(replicationFactor);
    }
}
