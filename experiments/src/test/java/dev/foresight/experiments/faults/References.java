package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.HistoryModels;
import dev.foresight.experiments.Policy;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.Prediction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scenario every fault test runs, and its undisturbed run, made once per test JVM on the shared test
 * broker with {@link FaultLoop} and no faults ({@link HarnessFidelityTest} checks that this is the recording
 * {@code ExperimentRunner} makes too).
 */
final class References {

    /**
     * Small enough for CI (16 nodes, 150 one-minute ticks), busy enough to exercise every stage: failures
     * with precursors and quick repairs. The learned predictor starts from a model trained on a day of the same
     * cluster's history ({@link #initialModel()}), as an experiment with {@code --history-days} does, so it alarms
     * from the first ticks and the actuator migrates, checkpoints and quarantines; the trainer decides at ticks 0,
     * 60 and 120 (its transactions are what the Streams crash test interrupts).
     */
    static final String SCENARIO = """
            name: faults
            seed: 11
            nodes: 16
            racks: 2
            durationTicks: 150
            failures:
              weibull: {shape: 0.7, scaleHours: 2}
              repair: {mu: -1.5, sigma: 0.3}
              classes:
                memory: {share: 0.4, announced: 1.0, leadMinutes: {min: 20, max: 50}}
                thermal: {share: 0.3, announced: 1.0, leadMinutes: {min: 20, max: 50}}
                power: {share: 0.3, announced: 1.0, leadMinutes: {min: 20, max: 50}}
                disk: {share: 0}
                software: {share: 0}
                other: {share: 0}
              falseAlarms: {ratePerNodeDay: 0}
            """;
    static final long SEED = 11;
    static final int PARTITIONS = 3;
    static final Policy POLICY = FaultLoop.POLICY;

    private static FaultLoop.Result undisturbed;
    private static ModelRelease initialModel;

    private References() {}

    static Scenario scenario() {
        return ScenarioLoader.parse(SCENARIO, "faults");
    }

    /** A loop over the reference scenario, on the given cluster, with its own topics. */
    static FaultLoop loop(java.util.Map<String, Object> kafka, String prefix, Path dir) throws Exception {
        return new FaultLoop(scenario(), SEED, PARTITIONS, kafka, prefix, dir, initialModel());
    }

    /** The history model of the reference scenario: one day of its cluster (trained once per test JVM). */
    static synchronized ModelRelease initialModel() throws Exception {
        if (initialModel == null) {
            Path cache = Files.createTempDirectory("foresight-faults-history-");
            initialModel = HistoryModels.forRun(scenario(), 1, ExperimentOptions.DEFAULT_HORIZON_TICKS, cache, line -> { });
        }
        return initialModel;
    }

    /** The undisturbed run (made on first use, then shared by every test of the JVM). */
    static synchronized FaultLoop.Result undisturbed(TestKafka kafka) throws Exception {
        if (undisturbed == null) {
            Path dir = Files.createTempDirectory("foresight-faults-reference-");
            FaultLoop.Result result = loop(kafka.clientProperties(), kafka.uniquePrefix("reference"), dir).run(FaultLoop.Faults.NONE);
            // a fault test only proves something if the run it disturbs learned, alarmed and acted
            assertThat(RecordingReader.readAll(result.recording(), RecordingStream.PREDICTIONS, Prediction.class))
                    .as("the reference run's model raised alarms").anyMatch(p -> p.getModelVersion() >= 0 && p.getAlarm());
            assertThat(RecordingReader.readAll(result.recording(), RecordingStream.COMMANDS, Command.class))
                    .as("the reference run's actuator issued commands").isNotEmpty();
            undisturbed = result;
        }
        return undisturbed;
    }
}
