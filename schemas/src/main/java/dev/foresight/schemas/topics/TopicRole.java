package dev.foresight.schemas.topics;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.FeatureVector;
import dev.foresight.schemas.LabeledExample;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.Prediction;
import org.apache.avro.specific.SpecificRecord;

/** The topics of the pipeline (DESIGN.md "Topics"), by what they carry rather than by name. */
public enum TopicRole {
    TELEMETRY("telemetry", NodeTelemetry.class, Shape.HISTORY),
    NODE_EVENTS("node-events", NodeEvent.class, Shape.HISTORY),
    FEATURES("features", FeatureVector.class, Shape.HISTORY),
    TRAINING("training", LabeledExample.class, Shape.HISTORY),
    MODELS("models", ModelRelease.class, Shape.LATEST_SINGLE_PARTITION),
    PREDICTIONS("predictions", Prediction.class, Shape.HISTORY),
    CLUSTER_STATE("cluster-state", NodeState.class, Shape.LATEST),
    COMMANDS("commands", Command.class, Shape.HISTORY),
    COMMAND_RESULTS("command-results", CommandResult.class, Shape.HISTORY),
    /** Raw bytes of rejected records plus {@code DeadLetterHeaders}; no Avro value type. */
    DEAD_LETTERS("dead-letters", null, Shape.HISTORY);

    /** How a topic keeps its records. */
    enum Shape {
        /** Every record kept (retention off): simulated history carries timestamps far in the past. */
        HISTORY,
        /** Compacted: the latest value per key is the state. */
        LATEST,
        /** Compacted, one partition: a total order (model versions). */
        LATEST_SINGLE_PARTITION
    }

    private final String suffix;
    private final Class<? extends SpecificRecord> valueType;
    private final Shape shape;

    TopicRole(String suffix, Class<? extends SpecificRecord> valueType, Shape shape) {
        this.suffix = suffix;
        this.valueType = valueType;
        this.shape = shape;
    }

    public String suffix() {
        return suffix;
    }

    /** The Avro record the topic carries (tick markers may be interleaved), or null for dead letters. */
    public Class<? extends SpecificRecord> valueType() {
        return valueType;
    }

    Shape shape() {
        return shape;
    }

    public boolean compacted() {
        return shape != Shape.HISTORY;
    }
}
