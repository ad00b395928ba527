package dev.foresight.producers.recording;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.Prediction;
import org.apache.avro.specific.SpecificRecord;

/** The streams a run records, each as one Avro container file in the run directory. */
public enum RecordingStream {
    TELEMETRY("telemetry.avro", NodeTelemetry.class),
    NODE_EVENTS("node-events.avro", NodeEvent.class),
    PREDICTIONS("predictions.avro", Prediction.class),
    /**
     * A simulated run's ground truth as predictions: the ideal predictor's view of every node at every tick (the true
     * degradation of its coming failure), so any run can grade its predictor against the ceiling. Empty for real data.
     */
    IDEAL_SCORES("ideal-scores.avro", Prediction.class),
    COMMANDS("commands.avro", Command.class),
    COMMAND_RESULTS("command-results.avro", CommandResult.class);

    private final String fileName;
    private final Class<? extends SpecificRecord> type;

    RecordingStream(String fileName, Class<? extends SpecificRecord> type) {
        this.fileName = fileName;
        this.type = type;
    }

    public String fileName() {
        return fileName;
    }

    public Class<? extends SpecificRecord> type() {
        return type;
    }
}
