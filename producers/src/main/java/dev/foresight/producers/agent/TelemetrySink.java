package dev.foresight.producers.agent;

import dev.foresight.schemas.NodeTelemetry;

/** Where the agent's samples go: Kafka, or the console for a dry run. */
@FunctionalInterface
public interface TelemetrySink extends AutoCloseable {

    void publish(NodeTelemetry sample);

    @Override
    default void close() {
    }
}
