package dev.foresight.bench.loop;

import dev.foresight.actuator.app.ActuatorAppConfig;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.scenario.CheckpointPolicy;
import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.loop.LearnedControlPlane;
import dev.foresight.producers.sim.CommandSource;
import dev.foresight.producers.sim.KafkaCommandSource;
import dev.foresight.producers.sim.SimulationDriver;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.producers.sim.TickSink;
import dev.foresight.producers.sim.TickedTopicReader;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.LockstepTuning;
import dev.foresight.streams.StreamsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Realtime latency of the closed loop: ticks paced by the wall clock ({@link SimulationDriver.Pacer#realtime}),
 * the whole pipeline (simulator, the Streams topology, the actuator app) on a broker, and for every tick the
 * time from the moment the simulator starts publishing it (the start of its transaction) to the moment a
 * read_committed consumer has seen
 * <ul>
 *   <li>the Streams app's marker for the tick on every partition of the predictions topic (telemetry ->
 *       prediction: the tick's predictions are all visible), and</li>
 *   <li>the actuator's marker for the tick on every partition of the commands topic (telemetry -> command: the
 *       tick's decisions are all visible to the cluster).</li>
 * </ul>
 * One clock (System.nanoTime), one JVM. Latencies go to HdrHistograms (microseconds, 3 digits). The first
 * {@code warmUpTicks} ticks (Streams start-up, first JIT) are not recorded. Ticks whose scoring waits for a
 * training decision (tick k + D after each training tick k: the model gate) are also kept apart, in
 * {@code toCommandBetweenTrainings}' complement: they carry a model fit. Stage settings are ExperimentRunner's
 * for the PROACTIVE policy (Streams client settings of `LockstepTuning`, features tap off).
 */
public final class RealtimeLatencyBenchmark {

    /** What the run measured; latencies in microseconds. */
    public record Result(int nodes, long ticks, long warmUpTicks, Duration perTick, Histogram toPrediction,
                         Histogram toCommand, Histogram toCommandBetweenTrainings, Stages stages) {

        public double p50Millis(Histogram h) {
            return h.getValueAtPercentile(50) / 1000.0;
        }

        public double p99Millis(Histogram h) {
            return h.getValueAtPercentile(99) / 1000.0;
        }

        public double maxMillis(Histogram h) {
            return h.getMaxValue() / 1000.0;
        }

        public String describe() {
            return nodes + " nodes, 1 tick per " + perTick.toMillis() + " ms wall, " + toCommand.getTotalCount()
                    + " ticks measured (after " + warmUpTicks + " warm-up)";
        }
    }

    /**
     * The same ticks split at the hand-offs, to say where the time goes: the simulator's publish transaction
     * (start to commit returned), Streams (commit returned to every partition's prediction marker visible), and the
     * actuator (prediction markers visible to every partition's command marker visible).
     */
    public record Stages(Histogram simulatorCommit, Histogram streams, Histogram actuator) {
        static Stages empty() {
            return new Stages(histogram(), histogram(), histogram());
        }
    }

    static Histogram histogram() {
        return new Histogram(60_000_000L, 3);
    }

    static final Duration TICK_TIMEOUT = Duration.ofSeconds(120);

    private RealtimeLatencyBenchmark() {}

    /**
     * Whether the trainer decides at this tick. Its fit runs on a stream thread, so the training tick itself waits
     * for it (the thread's other tasks stall), and so does the tick D later, whose model gate needs the decision.
     */
    static boolean trainingTick(long tick, long period) {
        return tick >= 0 && tick % period == 0;
    }

    public static Result run(Map<String, Object> kafka, String prefix, Scenario userScenario, Duration perTick,
                             long warmUpTicks, int partitions) throws Exception {
        return run(kafka, prefix, userScenario, perTick, warmUpTicks, partitions, Map.of());
    }

    /** As above, with extra Kafka Streams properties on top of ExperimentRunner's (what-if runs, e.g. {@code poll.ms}). */
    public static Result run(Map<String, Object> kafka, String prefix, Scenario userScenario, Duration perTick,
                             long warmUpTicks, int partitions, Map<String, Object> streamsOverrides) throws Exception {
        Scenario scenario = withPeriodicCheckpoints(userScenario);
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(prefix).withPartitions(partitions));
        try (Admin admin = Admin.create(new HashMap<>(kafka))) {
            new TopicAdministrator(admin, TICK_TIMEOUT.toMillis()).createMissing(topics);
        }
        String id = prefix.replaceAll("[^A-Za-z0-9._-]", "");
        Path stateDir = Files.createTempDirectory("foresight-bench-latency-");
        StreamsSettings streams = StreamsSettings.defaults().toBuilder()
                .applicationId(id + "streams")
                .topics(topics.settings())
                .tickLength(Duration.ofSeconds(scenario.tickSeconds()))
                .horizon(Duration.ofSeconds(scenario.tickSeconds() * ExperimentOptions.DEFAULT_HORIZON_TICKS))
                .stateDir(stateDir)
                .publishFeatures(false)
                .build();
        Map<String, Object> streamsClient = new HashMap<>(kafka);
        streamsClient.putAll(streamsOverrides);
        streamsClient = LockstepTuning.streamsClient(streamsClient);
        ActuatorAppConfig actuator = ActuatorAppConfig.defaults(kafka).withTopics(topics.settings())
                .withApplicationId(id + "actuator")
                .withSettings(ActuatorSettings.defaults()
                        .withPolicies(EnumSet.of(PolicyKind.RELEASE, PolicyKind.PROACTIVE, PolicyKind.MAKING_ROOM))
                        .withTickSeconds(scenario.tickSeconds()).withActuationLagTicks(scenario.actuationLagTicks()));

        Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Histogram toPrediction = histogram();
        Histogram toCommand = histogram();
        Histogram betweenTrainings = histogram();
        Stages stages = Stages.empty();
        long lastTick = scenario.durationTicks() - 1;
        int period = streams.trainingPeriodTicks();
        int delay = streams.modelDelayTicks();
        MarkerObserver observer = new MarkerObserver(kafka, topics, partitions, publishedAt, committedAt, warmUpTicks,
                lastTick, toPrediction, toCommand, betweenTrainings, stages, tick -> trainingTick(tick, period) || trainingTick(tick - delay, period));
        ClusterSimulation simulation = ClusterSimulation.create(scenario, scenario.seed());
        try (LearnedControlPlane plane = new LearnedControlPlane(streams, streamsClient, actuator);
             TickPublisher publisher = new TickPublisher(kafka, topics, id + "simulator");
             TickedTopicReader<Command> commands = KafkaCommandSource.reader(kafka, topics.name(TopicRole.COMMANDS))) {
            plane.start();
            observer.start();
            TickSink sink = (report, extra) -> {
                long start = System.nanoTime();
                publishedAt.put(report.tick(), start);
                publisher.publish(report, extra);
                long committed = System.nanoTime();
                committedAt.put(report.tick(), committed);
                if (report.tick() >= warmUpTicks) {
                    stages.simulatorCommit().recordValue((committed - start) / 1000);
                }
            };
            SimulationDriver driver = new SimulationDriver(simulation, sink,
                    Optional.<CommandSource>of(new KafkaCommandSource(commands, TICK_TIMEOUT, plane::healthy)),
                    scenario.actuationLagTicks(), SimulationDriver.Pacer.realtime(perTick));
            driver.run();
            observer.awaitLastTick(TICK_TIMEOUT, plane::healthy);
        } finally {
            observer.stop();
        }
        return new Result(scenario.nodes(), scenario.durationTicks(), warmUpTicks, perTick, toPrediction, toCommand,
                betweenTrainings, stages);
    }

    /** The checkpointing the PROACTIVE policy runs with (periodic checkpoints on), as ExperimentRunner applies it. */
    static Scenario withPeriodicCheckpoints(Scenario s) {
        CheckpointSettings c = s.checkpointing();
        if (c.policy() != CheckpointPolicy.NONE) {
            return s;
        }
        return s.withCheckpointing(new CheckpointSettings(CheckpointPolicy.YOUNG, c.intervalMinutes(), c.drainSeconds(),
                c.storageBandwidthMbPerSec(), c.vmWriteMbPerSec(), c.restartCostFactor()));
    }

    /** Watches the predictions and commands topics for the stages' markers and records each tick's latencies. */
    private static final class MarkerObserver implements Runnable {
        private final KafkaConsumer<String, SpecificRecord> consumer;
        private final String predictions;
        private final int partitions;
        private final Map<Long, Long> publishedAt;
        private final Map<Long, Long> committedAt;
        private final Map<Long, Long> predictionsVisibleAt = new HashMap<>();
        private final Stages stages;
        private final long warmUpTicks;
        private final long lastTick;
        private final Histogram toPrediction;
        private final Histogram toCommand;
        private final Histogram betweenTrainings;
        private final java.util.function.LongPredicate gatedOnTraining;
        private final Map<Long, Integer> predictionMarkers = new HashMap<>();
        private final Map<Long, Integer> commandMarkers = new HashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final java.util.concurrent.CountDownLatch lastTickSeen = new java.util.concurrent.CountDownLatch(1);
        private Thread thread;

        MarkerObserver(Map<String, Object> kafka, TopicCatalogue topics, int partitions, Map<Long, Long> publishedAt,
                       Map<Long, Long> committedAt, long warmUpTicks, long lastTick, Histogram toPrediction,
                       Histogram toCommand, Histogram betweenTrainings, Stages stages,
                       java.util.function.LongPredicate gatedOnTraining) {
            Map<String, Object> props = new HashMap<>(kafka);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.any().deserializer());
            this.predictions = topics.name(TopicRole.PREDICTIONS);
            this.partitions = partitions;
            this.publishedAt = publishedAt;
            this.committedAt = committedAt;
            this.stages = stages;
            this.warmUpTicks = warmUpTicks;
            this.lastTick = lastTick;
            this.toPrediction = toPrediction;
            this.toCommand = toCommand;
            this.betweenTrainings = betweenTrainings;
            this.gatedOnTraining = gatedOnTraining;
            List<TopicPartition> assigned = new java.util.ArrayList<>();
            for (String topic : List.of(predictions, topics.name(TopicRole.COMMANDS))) {
                for (int p = 0; p < partitions; p++) {
                    assigned.add(new TopicPartition(topic, p));
                }
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
        }

        void start() {
            thread = new Thread(this, "bench-latency-observer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            try {
                while (running.get()) {
                    for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        if (record.value() instanceof TickMarker marker) {
                            boolean prediction = record.topic().equals(predictions);
                            Map<Long, Integer> seen = prediction ? predictionMarkers : commandMarkers;
                            if (seen.merge(marker.getTick(), 1, Integer::sum) == partitions) {
                                complete(marker.getTick(), now, prediction ? toPrediction : toCommand);
                                if (!prediction && marker.getTick() >= lastTick) {
                                    lastTickSeen.countDown();
                                }
                            }
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                consumer.close();
            }
        }

        private void complete(long tick, long now, Histogram histogram) {
            boolean prediction = histogram == toPrediction;
            if (prediction) {
                predictionsVisibleAt.put(tick, now);
            }
            Long published = publishedAt.get(tick);
            if (tick < warmUpTicks || published == null) {
                return;
            }
            long micros = Math.max(0, (now - published) / 1000);
            histogram.recordValue(micros);
            if (!prediction && !gatedOnTraining.test(tick)) {
                betweenTrainings.recordValue(micros);
            }
            // the stage before this one may not have been seen (a poll can return a tick's commands with its predictions)
            Long before = prediction ? committedAt.get(tick) : predictionsVisibleAt.remove(tick);
            if (before != null) {
                (prediction ? stages.streams() : stages.actuator()).recordValue(Math.max(0, (now - before) / 1000));
            }
        }

        void awaitLastTick(Duration timeout, java.util.function.BooleanSupplier healthy) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!lastTickSeen.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (failure.get() != null) {
                    throw new IllegalStateException("latency observer failed: " + failure.get(), failure.get());
                }
                if (System.nanoTime() > deadline || !healthy.getAsBoolean()) {
                    throw new IllegalStateException("the actuator's marker of the last tick did not arrive within " + timeout);
                }
            }
        }

        void stop() {
            running.set(false);
            if (thread == null) {
                consumer.close();
                return;
            }
            consumer.wakeup();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
