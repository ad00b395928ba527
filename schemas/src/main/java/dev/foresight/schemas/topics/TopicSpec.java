package dev.foresight.schemas.topics;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;

/** One topic as it must exist on the cluster: name, layout and topic-level configs. */
public record TopicSpec(TopicRole role, String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }
}
