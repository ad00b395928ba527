package dev.foresight.experiments;

/** Where the pipeline runs. Same scenario and seed give byte-identical recordings on both. */
public enum Engine {
    /** Real Kafka: the embedded broker by default, or any cluster given by client properties. */
    KAFKA,
    /** The same topology under Kafka Streams' TopologyTestDriver and the actuator's decision core, no broker: for sweeps. */
    INPROCESS
}
