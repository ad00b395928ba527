package dev.foresight.actuator.app;

import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.schemas.topics.TopicSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How to run the actuator against a Kafka cluster.
 *
 * @param clientProperties bootstrap servers and security settings, shared by its clients
 * @param topics topic prefix and partitions (must match the rest of the pipeline)
 * @param applicationId consumer group id and transactional id: one actuator per id. A second instance
 *     with the same id fences the first (its next commit fails), so at most one ever commits a tick
 * @param pollTimeout how long one poll waits for records
 * @param adminTimeout how long topic creation and the state restore may take
 */
public record ActuatorAppConfig(
        Map<String, Object> clientProperties,
        TopicSettings topics,
        String applicationId,
        ActuatorSettings settings,
        Duration pollTimeout,
        Duration adminTimeout) {

    public static final String DEFAULT_APPLICATION_ID = "foresight-actuator";

    public ActuatorAppConfig {
        clientProperties = Map.copyOf(clientProperties);
        if (!clientProperties.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("client properties must name bootstrap.servers");
        }
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("applicationId must be set");
        }
        if (topics == null || settings == null || pollTimeout == null || adminTimeout == null) {
            throw new IllegalArgumentException("topics, settings, pollTimeout and adminTimeout must be set");
        }
    }

    /** Default topics, id, settings and timeouts. */
    public static ActuatorAppConfig defaults(Map<String, Object> clientProperties) {
        return new ActuatorAppConfig(clientProperties, TopicSettings.defaults(), DEFAULT_APPLICATION_ID,
                ActuatorSettings.defaults(), Duration.ofMillis(100), Duration.ofSeconds(30));
    }

    public ActuatorAppConfig withTopics(TopicSettings value) {
        return new ActuatorAppConfig(clientProperties, value, applicationId, settings, pollTimeout, adminTimeout);
    }

    public ActuatorAppConfig withApplicationId(String value) {
        return new ActuatorAppConfig(clientProperties, topics, value, settings, pollTimeout, adminTimeout);
    }

    public ActuatorAppConfig withSettings(ActuatorSettings value) {
        return new ActuatorAppConfig(clientProperties, topics, applicationId, value, pollTimeout, adminTimeout);
    }
}
