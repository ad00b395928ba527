package dev.foresight.broker.testing;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Testcontainers path. Testcontainers is an optional dependency: every reference to its classes
 * stays inside methods guarded by {@link #dockerAvailable()}, so test modules without it still load.
 */
final class ContainerKafka {

    static final String IMAGE = "apache/kafka:4.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(ContainerKafka.class);

    private ContainerKafka() {}

    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, ContainerKafka.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Docker not available: {}", e.toString());
            return false;
        }
    }

    static KafkaBrokerExtension.ClosableTestKafka start() {
        var container = new org.testcontainers.kafka.KafkaContainer(IMAGE);
        container.start();
        LOG.info("tests use a Testcontainers Kafka ({}) at {}", IMAGE, container.getBootstrapServers());
        return new KafkaBrokerExtension.ClosableTestKafka(TestKafka.Kind.CONTAINER, container.getBootstrapServers(),
                Map.of(), container::stop);
    }
}
