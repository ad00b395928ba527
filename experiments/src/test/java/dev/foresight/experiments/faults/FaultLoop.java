package dev.foresight.experiments.faults;

import dev.foresight.actuator.app.ActuatorApp;
import dev.foresight.actuator.app.ActuatorAppConfig;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.scenario.CheckpointPolicy;
import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.loop.LearnedControlPlane;
import dev.foresight.experiments.loop.IdealPredictor;
import dev.foresight.experiments.loop.RecordingListener;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.producers.sim.CommandSource;
import dev.foresight.producers.sim.KafkaCommandSource;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.TickSink;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.LockstepTuning;
import dev.foresight.streams.StreamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * The closed loop of one policy run through Kafka, composed by hand so a test can reach into it while
 * it runs: the same pieces, settings and recording as {@code ExperimentRunner}'s Kafka engine (so an
 * undisturbed run records the same bytes as {@code foresight experiment run}), plus two hooks:
 * <ul>
 *   <li>{@link Faults#beforePublish}: runs in the simulator's thread just before tick k is published, so
 *       records written there (and acknowledged) sit before tick k's markers: they belong to tick k;</li>
 *   <li>{@link Faults#afterTick}: runs after tick k is published and recorded, before the loop waits for
 *       the commands of the next tick: where instances are killed and restarted.</li>
 * </ul>
 * The policy is PROACTIVE: the Kafka Streams topology (learning and scoring) and the actuator app.
 */
final class FaultLoop {

    /** What a test does to the running loop. Both hooks run in the simulator's thread. */
    interface Faults {
        default void beforePublish(long tick, FaultLoop loop) throws Exception {}

        default void afterTick(TickReport report, FaultLoop loop) throws Exception {}

        Faults NONE = new Faults() {};
    }

    /** What a run left behind. */
    record Result(Path recording, Map<String, String> checksums, Map<String, Long> counts, TopicCatalogue topics) {}

    static final Duration TICK_TIMEOUT = Duration.ofSeconds(120);

    /** How long the topics must stay still before {@link #awaitQuiescent} calls the loop quiet. */
    static final Duration QUIET = Duration.ofMillis(500);

    static final Policy POLICY = Policy.PROACTIVE;

    private final Scenario scenario;
    private final long seed;
    private final Map<String, Object> kafka;
    private final TopicCatalogue topics;
    private final String id;
    private final Path workDir;
    private final List<StreamsApp> streams = new CopyOnWriteArrayList<>();
    private final List<Path> stateDirs = new ArrayList<>();
    private volatile ActuatorApp actuator;
    private final List<AutoCloseable> closeAtEnd = new ArrayList<>();
    private UnaryOperator<StreamsSettings.Builder> streamsTuning = UnaryOperator.identity();
    private final ModelRelease initialModel;

    /**
     * @param userScenario the scenario as the user gives it; the policy's checkpointing is applied as ExperimentRunner does
     * @param kafka        client properties; the bootstrap address must stay valid for the whole run
     * @param prefix       topic prefix, unique on the cluster
     * @param workDir      where the recording and the Streams state directories go
     * @param initialModel the model the learned predictor starts from (ExperimentOptions#initialModel), or null
     */
    FaultLoop(Scenario userScenario, long seed, int partitions, Map<String, Object> kafka, String prefix, Path workDir,
              ModelRelease initialModel) {
        this.initialModel = initialModel;
        this.scenario = forPolicy(userScenario, POLICY);
        this.seed = seed;
        this.kafka = Map.copyOf(kafka);
        this.topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(prefix).withPartitions(partitions));
        this.id = prefix.replaceAll("[^A-Za-z0-9._-]", "");
        this.workDir = workDir;
    }

    /**
     * Changes the Streams settings from ExperimentRunner's. A way to check that a test can fail: with
     * {@code b -> b.exactlyOnce(false)}, StreamsInstanceKillTest fails (the crash replays records: duplicated
     * predictions, or the trainer refuses a replayed marker and the app stops).
     */
    FaultLoop withStreamsTuning(UnaryOperator<StreamsSettings.Builder> tuning) {
        this.streamsTuning = tuning;
        return this;
    }

    /** Runs the whole scenario with the faults; returns the recording's checksums. */
    Result run(Faults faults) throws Exception {
        try (Admin admin = Admin.create(new HashMap<>(kafka))) {
            new TopicAdministrator(admin, TICK_TIMEOUT.toMillis()).createMissing(topics);
        }
        ClusterSimulation simulation = ClusterSimulation.create(scenario, seed);
        Path runDir = workDir.resolve("recording");
        Map<String, Long> counts;
        // the identity ExperimentRunner gives the recording (its sync markers derive from it)
        try (RunRecorder recorder = new RunRecorder(runDir, scenario.name() + "/" + seed + "/" + POLICY.name());
             TickPublisher publisher = new TickPublisher(kafka, topics, id + "-simulator")) {
            RecordingListener recording = new RecordingListener(recorder,
                    new IdealPredictor(simulation, ExperimentOptions.DEFAULT_HORIZON_TICKS)::predict);
            startStreamsInstance();
            actuator = ActuatorApp.start(actuatorConfig());
            TickedTopicReader<Command> commands = KafkaCommandSource.reader(kafka, topics.name(TopicRole.COMMANDS));
            closeAtEnd.add(commands);
            TickedTopicReader<Prediction> predictions = new TickedTopicReader<>(kafka, topics.name(TopicRole.PREDICTIONS),
                    Prediction.class, LearnedControlPlane.STREAMS_STAGE);
            closeAtEnd.add(predictions);
            TickSink sink = (report, extra) -> {
                try {
                    faults.beforePublish(report.tick(), this);
                } catch (Exception e) {
                    throw new IllegalStateException("fault injection before tick " + report.tick() + " failed: " + e, e);
                }
                publisher.publish(report, extra);
            };
            SimulationDriver driver = new SimulationDriver(simulation, sink,
                    Optional.<CommandSource>of(new KafkaCommandSource(commands, TICK_TIMEOUT, this::healthy)),
                    scenario.actuationLagTicks(), SimulationDriver.Pacer.asFastAsPossible());
            driver.addListener(recording);
            driver.addListener(new SimulationDriver.TickListener() {
                @Override
                public void onTick(TickReport report) {
                    try {
                        faults.afterTick(report, FaultLoop.this);
                    } catch (Exception e) {
                        throw new IllegalStateException("fault injection after tick " + report.tick() + " failed: " + e, e);
                    }
                }

                @Override
                public void onCommands(long decidedAtTick, List<Command> decided) {
                    // as ExperimentRunner: a tick's predictions are recorded once its commands are read
                    recording.onPredictions(awaitPredictions(predictions, decidedAtTick));
                }
            });
            driver.run();
            // the last ticks' decisions are never applied, so their predictions are read here
            long last = simulation.tick() - 1;
            for (long t = Math.max(0, last - scenario.actuationLagTicks()); t <= last; t++) {
                recording.onPredictions(awaitPredictions(predictions, t));
            }
            counts = recorder.counts();
        } finally {
            close();
        }
        Map<String, String> checksums = new TreeMap<>();
        for (RecordingStream stream : RecordingStream.values()) {
            checksums.put(stream.fileName(), RunRecorder.sha256(runDir.resolve(stream.fileName())));
        }
        return new Result(runDir, checksums, counts, topics);
    }

    private List<Prediction> awaitPredictions(TickedTopicReader<Prediction> reader, long tick) {
        try {
            return reader.awaitTick(tick, Comparator.comparing(Prediction::getNodeId), TICK_TIMEOUT, this::healthy);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "; " + failure(), e);
        }
    }

    /** Every live stage is healthy: no Streams instance (still in use) failed, the actuator did not stop. */
    boolean healthy() {
        ActuatorApp a = actuator;
        return streams.stream().noneMatch(s -> s.failure().isDone()) && (a == null || a.failure().isEmpty());
    }

    String failure() {
        List<String> why = new ArrayList<>();
        streams.stream().filter(s -> s.failure().isDone()).forEach(s -> why.add("streams: " + s.failure().join()));
        ActuatorApp a = actuator;
        if (a != null) {
            a.failure().ifPresent(t -> why.add("actuator: " + t));
        }
        return why.isEmpty() ? "no stage reported a failure" : String.join("; ", why);
    }

    // ---- what the hooks can do -------------------------------------------------------------------

    Map<String, Object> kafka() {
        return kafka;
    }

    TopicCatalogue topics() {
        return topics;
    }

    Scenario scenario() {
        return scenario;
    }

    /** Streams instances in use, oldest first. */
    List<StreamsApp> streamsInstances() {
        return List.copyOf(streams);
    }

    /** Starts one more instance of the topology (same application id, its own empty state directory). */
    StreamsApp startStreamsInstance() {
        Path stateDir;
        try {
            stateDir = Files.createDirectories(workDir.resolve("streams-state-" + stateDirs.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stateDirs.add(stateDir);
        return startStreamsInstance(stateDir);
    }

    /**
     * Starts an instance on an existing state directory: a restarted instance that keeps its disk keeps its
     * process id, hence its transactional ids (application id, process id, thread), so its first
     * {@code initTransactions} aborts whatever transaction its previous life left open.
     */
    StreamsApp startStreamsInstance(Path stateDir) {
        StreamsApp app = StreamsApp.start(streamsSettings(stateDir), streamsClient());
        streams.add(app);
        return app;
    }

    /** Stops watching an instance (a test is about to kill it: its end is not a failure of the run). */
    void forget(StreamsApp app) {
        streams.remove(app);
    }

    ActuatorApp actuator() {
        return actuator;
    }

    /** Stops the actuator app and starts a new one with the same application id. */
    ActuatorApp restartActuator() {
        ActuatorApp old = actuator;
        actuator = null;
        old.close();
        actuator = ActuatorApp.start(actuatorConfig());
        return actuator;
    }

    /** Starts a second actuator with the same id while the first still runs (it fences the first), then closes the first. */
    ActuatorApp replaceActuatorWhileRunning() {
        ActuatorApp old = actuator;
        actuator = null;
        ActuatorApp replacement = ActuatorApp.start(actuatorConfig());
        old.close();
        actuator = replacement;
        return replacement;
    }

    // ---- settings, as ExperimentRunner's Kafka engine has them --------------------------------------

    StreamsSettings streamsSettings(Path stateDir) {
        return streamsTuning.apply(StreamsSettings.defaults().toBuilder()
                .applicationId(id + "streams")
                .topics(topics.settings())
                .tickLength(Duration.ofSeconds(scenario.tickSeconds()))
                .horizon(Duration.ofSeconds(scenario.tickSeconds() * ExperimentOptions.DEFAULT_HORIZON_TICKS))
                .stateDir(stateDir)
                .publishFeatures(false)
                .initialModel(initialModel))
                .build();
    }

    /**
     * ExperimentRunner's Streams client settings, plus the shortest session the broker allows: a killed
     * instance that never left its group is noticed after 6 s instead of 45 s.
     */
    Map<String, Object> streamsClient() {
        Map<String, Object> props = LockstepTuning.streamsClient(kafka);
        props.put("consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        props.put("consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
        return props;
    }

    /**
     * Waits until tick {@code tick} has gone round the loop (the actuator's markers of it are committed) and the
     * run's topics, the Streams app's own included, are quiet: no transaction open and no offset moving for
     * {@link #QUIET}. The actuator's markers alone are not enough: the trainer task and the scoring tasks still
     * hand the tick's examples and the trainer's decision to each other through their own topics for a while
     * after. Call it from {@link Faults#afterTick}, where the simulator waits for the hook before going on.
     */
    void awaitQuiescent(long tick) throws Exception {
        // the simulator's own screen: a fault test may have put records on the commands topic that are no commands;
        // only the actuator's markers matter here, the simulator dead-letters the rest
        try (TickedTopicReader<Command> commands = KafkaCommandSource.reader(kafka, topics.name(TopicRole.COMMANDS))) {
            commands.awaitBatch(tick, Comparator.comparing(Command::getCommandId), TICK_TIMEOUT, this::healthy);
        }
        try (Admin admin = Admin.create(new HashMap<>(kafka))) {
            AtomicReference<Map<TopicPartition, Long>> previous = new AtomicReference<>(Map.of());
            Awaitility.await("no open transaction and no offset moving on the topics of " + id)
                    .atMost(TICK_TIMEOUT).pollInterval(Duration.ofMillis(50)).during(QUIET)
                    .until(() -> {
                        Map<TopicPartition, Long> now = endOffsetsIfNoTransactionOpen(admin);
                        return now != null && now.equals(previous.getAndSet(now));
                    });
        }
    }

    /** End offsets of this run's topics, or null while a transaction is open on one (its stable offset lags). */
    private Map<TopicPartition, Long> endOffsetsIfNoTransactionOpen(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        List<String> names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(id)).toList();
        admin.describeTopics(names).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        var end = admin.listOffsets(latest).all().get();
        var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition tp : latest.keySet()) {
            if (end.get(tp).offset() != stable.get(tp).offset()) {
                return null;
            }
            offsets.put(tp, end.get(tp).offset());
        }
        return offsets;
    }

    ActuatorAppConfig actuatorConfig() {
        ActuatorSettings settings = ActuatorSettings.defaults()
                .withPolicies(EnumSet.of(PolicyKind.RELEASE, PolicyKind.PROACTIVE, PolicyKind.MAKING_ROOM))
                .withTickSeconds(scenario.tickSeconds())
                .withActuationLagTicks(scenario.actuationLagTicks());
        return ActuatorAppConfig.defaults(kafka).withTopics(topics.settings()).withApplicationId(id + "actuator")
                .withSettings(settings);
    }

    /** The checkpointing a policy implies, as ExperimentRunner applies it (ScenarioVariants). */
    static Scenario forPolicy(Scenario s, Policy policy) {
        CheckpointSettings c = s.checkpointing();
        CheckpointPolicy wanted = policy.periodicCheckpoints()
                ? (c.policy() == CheckpointPolicy.NONE ? CheckpointPolicy.YOUNG : c.policy())
                : CheckpointPolicy.NONE;
        return s.withCheckpointing(new CheckpointSettings(wanted, c.intervalMinutes(), c.drainSeconds(),
                c.storageBandwidthMbPerSec(), c.vmWriteMbPerSec(), c.restartCostFactor()));
    }

    private void close() {
        ActuatorApp a = actuator;
        if (a != null) {
            a.close();
        }
        for (StreamsApp app : streams) {
            app.close();
        }
        streams.clear();
        for (AutoCloseable c : closeAtEnd) {
            try {
                c.close();
            } catch (Exception e) {
                // closing at the end of a run: nothing left to protect
            }
        }
        closeAtEnd.clear();
    }
}
