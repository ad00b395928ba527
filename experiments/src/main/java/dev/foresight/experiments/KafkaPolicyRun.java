package dev.foresight.experiments;

import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.loop.ControlPlane;
import dev.foresight.experiments.loop.ProgressLine;
import dev.foresight.experiments.loop.IdealPredictor;
import dev.foresight.experiments.loop.RecordingListener;
import dev.foresight.experiments.loop.RunTimeline;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.KafkaCommandSource;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/** One policy's closed (or open) loop through real Kafka, recorded. */
final class KafkaPolicyRun {

    /** Builds the control plane of a policy once its topics exist. */
    interface ControlPlaneFactory {
        ControlPlane create(Policy policy, boolean consolidation, ClusterSimulation simulation, Scenario scenario,
                            TopicCatalogue topics, Map<String, Object> kafka);
    }

    private final ExperimentOptions options;
    private final ControlPlaneFactory planes;
    private final List<ExperimentListener> listeners;

    KafkaPolicyRun(ExperimentOptions options, ControlPlaneFactory planes, List<ExperimentListener> listeners) {
        this.options = options;
        this.planes = planes;
        this.listeners = listeners;
    }

    RunResult run(Scenario userScenario, long seed, Policy policy, Map<String, Object> kafka, Path runDir, String runId)
            throws InterruptedException, TimeoutException {
        long started = System.nanoTime();
        Scenario scenario = ScenarioVariants.forPolicy(userScenario, policy);
        String label = policy.label() + (options.consolidation() ? "+consolidation" : "");
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults()
                .withPrefix(runId + "." + policy.label() + ".").withPartitions(options.partitions()));
        try (Admin admin = Admin.create(kafka)) {
            new TopicAdministrator(admin, options.tickTimeout().toMillis()).createMissing(topics);
        }
        ClusterSimulation simulation = options.simulation(scenario, seed);
        RunTimeline timeline = new RunTimeline();
        String identity = RunOutputs.identity(scenario, seed, policy, options.failures());
        Map<String, Long> counts;
        try (RunRecorder recorder = new RunRecorder(runDir, identity);
             ControlPlane plane = planes.create(policy, options.consolidation(), simulation, scenario, topics, kafka);
             TickPublisher publisher = new TickPublisher(kafka, topics, runId + "-" + policy.label() + "-simulator")) {
            plane.start();
            listeners.forEach(l -> l.onRunStarted(policy, label, scenario, topics, kafka));
            RecordingListener recording = new RecordingListener(recorder,
                    new IdealPredictor(simulation, options.horizonTicks())::predict);
            Optional<TickedTopicReader<Command>> commands = plane.closedLoop()
                    ? Optional.of(KafkaCommandSource.reader(kafka, topics.name(TopicRole.COMMANDS)))
                    : Optional.empty();
            TickedTopicReader<Prediction> predictions = plane.producesPredictions()
                    ? new TickedTopicReader<>(kafka, topics.name(TopicRole.PREDICTIONS), Prediction.class, "streams")
                    : null;
            try {
                SimulationDriver driver = new SimulationDriver(simulation, publisher, commands, scenario.actuationLagTicks(),
                        options.tickTimeout(), plane::healthy,
                        options.realtimeTick() == null ? SimulationDriver.Pacer.asFastAsPossible()
                                : SimulationDriver.Pacer.realtime(options.realtimeTick()));
                plane.listeners().forEach(driver::addListener);
                driver.addListener(recording).addListener(timeline);
                driver.addListener(report -> listeners.forEach(l -> l.onTick(label, report)));
                driver.addListener(new SimulationDriver.TickListener() {
                    @Override
                    public void onTick(TickReport report) {
                        recording.onPredictions(plane.drainOwnPredictions());
                    }

                    @Override
                    public void onCommands(long decidedAtTick, List<Command> decided) {
                        if (predictions != null) {
                            try {
                                recording.onPredictions(predictions.awaitTick(decidedAtTick,
                                        Comparator.comparing(Prediction::getNodeId), options.tickTimeout(), plane::healthy));
                            } catch (TimeoutException e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        }
                    }
                });
                if (options.showProgress()) {
                    driver.addListener(new ProgressLine(System.err, label, scenario.durationTicks(), scenario.tickSeconds()));
                }
                driver.run();
                if (predictions != null) {
                    // the loop reads predictions with each tick's commands; the final ticks' decisions are never
                    // applied, so their predictions are read here
                    long last = simulation.tick() - 1;
                    for (long t = Math.max(0, last - scenario.actuationLagTicks()); t <= last; t++) {
                        recording.onPredictions(predictions.awaitTick(t, Comparator.comparing(Prediction::getNodeId),
                                options.tickTimeout(), plane::healthy));
                    }
                }
            } catch (TimeoutException e) {
                String why = plane.failure();
                throw new TimeoutException(e.getMessage() + (why == null ? "" : "; pipeline failure: " + why));
            } finally {
                commands.ifPresent(TickedTopicReader::close);
                if (predictions != null) {
                    predictions.close();
                }
            }
            counts = recorder.counts();
        }
        return RunOutputs.finish(policy, options.consolidation(), scenario, seed, simulation, timeline, runDir, counts,
                options.horizonTicks(), options.failures(), options.initialModel(), started);
    }
}
