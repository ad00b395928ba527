package dev.foresight.experiments;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TickReport;
import dev.foresight.schemas.topics.TopicCatalogue;
import java.util.Map;

/**
 * Follows an experiment as it runs (dashboards, metrics, progress). Called from the simulator's thread:
 * implementations return quickly and never throw.
 */
public interface ExperimentListener {

    /**
     * A policy run is starting.
     *
     * @param topics the run's topics, on the cluster reachable with {@code kafka} (empty for the in-process engine)
     */
    default void onRunStarted(Policy policy, String label, Scenario scenario, TopicCatalogue topics, Map<String, Object> kafka) {}

    default void onTick(String label, TickReport report) {}

    default void onRunFinished(RunResult result) {}
}
