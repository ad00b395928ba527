package dev.foresight.cli.metrics;

import dev.foresight.broker.EmbeddedKafkaBroker;
import java.util.Map;

/**
 * The Kafka an experiment runs on, with the command's metrics hooks in its client properties. The
 * experiment runner starts its own embedded broker when given no properties; to instrument the clients it
 * builds, a metered command starts that broker itself and hands its properties over. Without metrics
 * nothing changes: the runner's own broker, or the external cluster as given.
 */
public final class MeteredCluster implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final Map<String, Object> clientProperties;

    private MeteredCluster(EmbeddedKafkaBroker broker, Map<String, Object> clientProperties) {
        this.broker = broker;
        this.clientProperties = clientProperties;
    }

    /** @param external the external cluster's client properties, empty for the embedded broker */
    public static MeteredCluster open(Map<String, Object> external, ComponentMetrics metrics) {
        if (!metrics.enabled()) {
            return new MeteredCluster(null, external);
        }
        if (!external.isEmpty()) {
            return new MeteredCluster(null, metrics.instrument(external));
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        return new MeteredCluster(broker, metrics.instrument(broker.clientProperties()));
    }

    /** The cluster as given, without hooks (an engine that does not run on Kafka). */
    public static MeteredCluster unmetered(Map<String, Object> external) {
        return new MeteredCluster(null, external);
    }

    /** What to give {@code ExperimentOptions.withKafka}: empty means "start the embedded broker". */
    public Map<String, Object> clientProperties() {
        return clientProperties;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
