package dev.foresight.experiments.loop;

import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.schemas.Prediction;
import java.util.List;

/**
 * The stages between the simulator's output and its command input for one policy: nothing (open loop),
 * an oracle plus the actuator, or the learned predictor (Kafka Streams) plus the actuator.
 */
public interface ControlPlane extends AutoCloseable {

    /** True when the simulator must wait for the actuator's commands. */
    boolean closedLoop();

    /** Starts the stages; the topics exist already. */
    void start();

    /** False once a stage has died: the loop then stops waiting and fails with {@link #failure()}. */
    boolean healthy();

    /** Why the control plane is unhealthy, or null. */
    default String failure() {
        return null;
    }

    /** Per-tick work in the simulator's thread (e.g. the oracle publishing predictions). */
    default List<SimulationDriver.TickListener> listeners() {
        return List.of();
    }

    /** Where this plane's predictions can be read per tick, if it has any. */
    default boolean producesPredictions() {
        return false;
    }

    /** Predictions this plane produced itself (the oracle), to record without reading them back; empty otherwise. */
    default List<Prediction> drainOwnPredictions() {
        return List.of();
    }

    @Override
    void close();

    /** Open loop: the simulator runs on its own (no protection, or periodic checkpoints only). */
    static ControlPlane none() {
        return new ControlPlane() {
            @Override
            public boolean closedLoop() {
                return false;
            }

            @Override
            public void start() {}

            @Override
            public boolean healthy() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
