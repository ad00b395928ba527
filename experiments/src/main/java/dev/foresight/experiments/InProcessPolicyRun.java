package dev.foresight.experiments;

import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.inprocess.InProcessPipeline;
import dev.foresight.experiments.loop.DirectPredictionsControlPlane.PredictionSource;
import dev.foresight.experiments.loop.IdealPredictor;
import dev.foresight.experiments.loop.ProgressLine;
import dev.foresight.experiments.loop.RecordingListener;
import dev.foresight.experiments.loop.RunTimeline;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.producers.sim.CommandSource;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** One policy's loop without a broker: the in-process engine, for fast sweeps. */
final class InProcessPolicyRun {

    private final ExperimentOptions options;
    private final List<ExperimentListener> listeners;

    InProcessPolicyRun(ExperimentOptions options, List<ExperimentListener> listeners) {
        this.options = options;
        this.listeners = listeners;
    }

    RunResult run(Scenario userScenario, long seed, Policy policy, Path runDir) throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        Scenario scenario = ScenarioVariants.forPolicy(userScenario, policy);
        boolean consolidation = options.consolidation();
        String label = policy.label() + (consolidation ? "+consolidation" : "");
        ClusterSimulation simulation = options.simulation(scenario, seed);
        // The topology's names only matter inside the test driver; one partition, as the driver has.
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix("inprocess.").withPartitions(1));
        boolean actuated = policy.usesActuator() || consolidation;
        ActuatorSettings actuator = actuated ? ControlPlanes.actuatorSettings(policy, consolidation, scenario) : null;
        PredictionSource direct = ControlPlanes.groundTruth(policy, simulation, options.horizonTicks());
        RunTimeline timeline = new RunTimeline();
        Map<String, Long> counts;
        try (RunRecorder recorder = new RunRecorder(runDir, RunOutputs.identity(scenario, seed, policy, options.failures()));
             InProcessPipeline pipeline = new InProcessPipeline(
                     policy == Policy.PROACTIVE ? ControlPlanes.streamsSettings(scenario, topics, "inprocess.", options) : null,
                     direct, actuator)) {
            listeners.forEach(l -> l.onRunStarted(policy, label, scenario, topics, Map.of()));
            RecordingListener recording = new RecordingListener(recorder,
                    new IdealPredictor(simulation, options.horizonTicks())::predict);
            SimulationDriver driver = new SimulationDriver(simulation, pipeline,
                    pipeline.closedLoop() ? Optional.<CommandSource>of(pipeline) : Optional.empty(),
                    scenario.actuationLagTicks(), SimulationDriver.Pacer.asFastAsPossible());
            driver.addListener(recording).addListener(timeline);
            driver.addListener(new SimulationDriver.TickListener() {
                @Override
                public void onTick(TickReport report) {
                    recording.onPredictions(pipeline.lastPredictions());
                    listeners.forEach(l -> l.onTick(label, report));
                }
            });
            if (options.showProgress()) {
                driver.addListener(new ProgressLine(System.err, label + " (in-process)", scenario.durationTicks(), scenario.tickSeconds()));
            }
            driver.run();
            counts = recorder.counts();
        }
        return RunOutputs.finish(policy, consolidation, scenario, seed, simulation, timeline, runDir, counts,
                options.horizonTicks(), options.failures(), options.initialModel(), started);
    }
}
