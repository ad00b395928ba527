package dev.foresight.experiments.loop;

import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.producers.sim.AvroMapping;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.Prediction;
import java.util.List;

/**
 * Records what the simulator published and the commands it read back, as the same Avro records that
 * travelled on the topics; predictions are added by whoever reads them (the loop knows when a tick's
 * predictions are complete).
 */
public final class RecordingListener implements SimulationDriver.TickListener {

    private final RunRecorder recorder;
    private final DirectPredictionsControlPlane.PredictionSource ideal;

    /**
     * @param ideal the ideal predictor of the run's simulation, recorded every tick as its ground truth
     *              ({@link RecordingStream#IDEAL_SCORES})
     */
    public RecordingListener(RunRecorder recorder, DirectPredictionsControlPlane.PredictionSource ideal) {
        this.recorder = recorder;
        this.ideal = ideal;
    }

    @Override
    public void onTick(TickReport report) {
        long tick = report.tick();
        for (TelemetrySample sample : report.telemetry()) {
            recorder.append(RecordingStream.TELEMETRY, AvroMapping.telemetry(sample, tick));
        }
        for (NodeEventRecord event : report.events()) {
            recorder.append(RecordingStream.NODE_EVENTS, AvroMapping.event(event, tick));
        }
        for (CommandOutcome outcome : report.outcomes()) {
            recorder.append(RecordingStream.COMMAND_RESULTS, AvroMapping.result(outcome, report.timeMillis()));
        }
        ideal.predict(report).forEach(p -> recorder.append(RecordingStream.IDEAL_SCORES, p));
    }

    @Override
    public void onCommands(long decidedAtTick, List<Command> commands) {
        commands.forEach(c -> recorder.append(RecordingStream.COMMANDS, c));
    }

    public void onPredictions(List<Prediction> predictions) {
        predictions.forEach(p -> recorder.append(RecordingStream.PREDICTIONS, p));
    }
}
