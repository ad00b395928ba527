package dev.foresight.producers.sim;

import dev.foresight.cluster.TickReport;

/** Where the simulator's ticks go: Kafka topics, or the in-process pipeline. */
public interface TickSink {

    /**
     * Publishes a completed tick, plus what was refused before reaching the model: REJECTED results and
     * dead letters, in the same tick so that they are as reproducible as the tick itself.
     */
    void publish(TickReport report, Refusals refusals);
}
