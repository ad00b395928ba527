package dev.foresight.actuator.app;

import dev.foresight.actuator.TickDecisions;
import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.lockstep.TickBarrier;
import dev.foresight.actuator.lockstep.TickDecider;
import dev.foresight.actuator.memory.ActuatorMemory;
import dev.foresight.actuator.view.JobHistory;
import dev.foresight.actuator.view.LatestInputs;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.schemas.topics.TopicSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actuator as a Kafka application: a thin transactional shell around {@link dev.foresight.actuator.Actuator}.
 *
 * <p>It reads predictions and cluster-state in lockstep (a {@link TickBarrier} releases tick k once
 * every partition of both topics has delivered its TickMarker k), plus command results and operators'
 * approvals as they come. For each tick it builds the cluster view, lets the core decide, and commits
 * in one transaction: the commands (key = subject), then a TickMarker(stage "actuator", tick k) on
 * every partition of the commands topic, the audit entries, any dead letters, the state snapshot, and
 * the consumed offsets ({@code sendOffsetsToTransaction} with the consumer's group metadata). Readers
 * with {@code isolation.level=read_committed} see a tick's commands all at once or not at all.
 *
 * <p>Offsets of the gated topics are committed exactly past each partition's marker k, and the
 * snapshot holds what was applied up to there; so a restarted actuator (or one whose transaction was
 * aborted) resumes from the same inputs and memory and decides the same commands.
 */
public final class ActuatorApp implements Runnable, AutoCloseable {

    public static final String STAGE = "actuator";

    private static final Logger LOG = LoggerFactory.getLogger(ActuatorApp.class);
    private static final Logger AUDIT_LOG = LoggerFactory.getLogger("dev.foresight.actuator.audit");
    private static final int MAX_ABORTS_IN_A_ROW = 3;

    private final ActuatorAppConfig config;
    private final ActuatorTopics topics;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastCommittedTick = new AtomicLong(-1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> liveConsumer;
    private volatile Throwable failure;

    private TickDecider decider;
    private byte[] committedState;
    private final TickBarrier<Inbound> barrier = new TickBarrier<>();
    private final List<Inbound> ungated = new ArrayList<>();
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private int abortsInARow;

    public ActuatorApp(ActuatorAppConfig config) {
        this.config = config;
        this.topics = ActuatorTopics.of(config.topics());
    }

    /** Runs the app on its own thread; {@link #close()} stops it. */
    public static ActuatorApp start(ActuatorAppConfig config) {
        ActuatorApp app = new ActuatorApp(config);
        Thread thread = new Thread(app, "foresight-actuator");
        thread.start();
        return app;
    }

    /** Standalone: {@code ActuatorApp [bootstrap-servers] [topic-prefix]}, defaults localhost:9092 and foresight. */
    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : Optional.ofNullable(System.getenv("FORESIGHT_BOOTSTRAP")).orElse("localhost:9092");
        String prefix = args.length > 1 ? args[1] : TopicSettings.DEFAULT_PREFIX;
        ActuatorApp app = new ActuatorApp(ActuatorAppConfig.defaults(Map.of("bootstrap.servers", bootstrap))
                .withTopics(TopicSettings.defaults().withPrefix(prefix)));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "foresight-actuator-shutdown"));
        app.run();
        if (app.failure().isPresent()) {
            System.exit(1);
        }
    }

    public ActuatorTopics topics() {
        return topics;
    }

    /** The last tick whose transaction committed, -1 before the first. */
    public long lastCommittedTick() {
        return lastCommittedTick.get();
    }

    /** What stopped the app, if it stopped on an error. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void run() {
        try (Admin admin = Admin.create(new HashMap<>(config.clientProperties()))) {
            topics.createMissing(admin, config.adminTimeout().toMillis());
            loop();
        } catch (WakeupException e) {
            if (running.get()) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            liveConsumer = null;
            stopped.countDown();
        }
    }

    private void loop() {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            liveConsumer = consumer;
            if (!running.get()) {
                return; // closed while starting
            }
            // fences any earlier instance and settles its open transaction before the state is read
            producer.initTransactions();
            restore(StateStore.readLatest(config.clientProperties(), topics.state(), config.adminTimeout()));
            assign(consumer);
            LOG.info("actuator {} running on {} (automation {}), resuming after tick {}", config.applicationId(),
                    config.clientProperties().get("bootstrap.servers"), config.settings().automation(),
                    decider.lastDecidedTick());
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(config.pollTimeout())) {
                    route(record);
                }
                decideReadyTicks(producer, consumer);
            }
        }
    }

    /** Stops the loop and waits for the clients to close. */
    @Override
    public void close() {
        running.set(false);
        KafkaConsumer<byte[], byte[]> consumer = liveConsumer;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("actuator did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(Throwable e) {
        failure = e;
        LOG.error("actuator stopped: {}", e.toString(), e);
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.applicationId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, ActuatorTopics.MAX_STATE_BYTES + 1024 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(config.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /**
     * Every partition, assigned rather than subscribed: the actuator needs the whole cluster in one
     * place, so it is one instance per application id, and its transactional id fences any other.
     */
    private void assign(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.predictions(), topics.clusterState(), topics.commandResults(), topics.approvals())) {
            int count = consumer.partitionsFor(topic, config.adminTimeout()).size();
            for (int p = 0; p < count; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            if (gated(topic)) {
                barrier.gate(topic, count);
            }
        }
        consumer.assign(partitions);
    }

    private boolean gated(String topic) {
        return topic.equals(topics.predictions()) || topic.equals(topics.clusterState());
    }

    private void route(ConsumerRecord<byte[], byte[]> record) {
        Inbound inbound = Inbound.decode(record, topics);
        if (gated(record.topic())) {
            var partition = new TickBarrier.Partition(record.topic(), record.partition());
            if (inbound instanceof Inbound.Marker m) {
                barrier.addMarker(partition, record.offset(), m.marker().getTick(), m.marker().getPartitionCount(),
                        m.marker().getTimestamp().toEpochMilli());
            } else {
                barrier.add(partition, record.offset(), inbound);
            }
        } else {
            if (!(inbound instanceof Inbound.Marker)) {
                ungated.add(inbound);
            }
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
    }

    private void decideReadyTicks(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer) {
        for (OptionalLong ready = barrier.readyTick(); ready.isPresent() && running.get(); ready = barrier.readyTick()) {
            long tick = ready.getAsLong();
            TickBarrier.Release<Inbound> release = barrier.release(tick);
            release.records().forEach(this::apply);
            release.nextOffsets().forEach((p, offset) -> nextOffsets.put(new TopicPartition(p.topic(), p.partition()), offset));
            if (tick <= decider.lastDecidedTick()) {
                continue; // markers of a tick already decided (a stage re-sent them): state only
            }
            List<Approval> approvals = new ArrayList<>();
            List<CommandOutcome> outcomes = new ArrayList<>();
            for (Inbound inbound : ungated) {
                if (inbound instanceof Inbound.Answer a) {
                    approvals.add(a.approval());
                } else if (inbound instanceof Inbound.Result r) {
                    CommandRecords.outcome(r.result()).ifPresent(outcomes::add);
                } else {
                    apply(inbound);
                }
            }
            ungated.clear();
            long timeMillis = release.markerTimeMillis() >= 0 ? release.markerTimeMillis() : decider.latestStateTime();
            TickDecisions decisions = decider.decide(tick, timeMillis, approvals, outcomes);
            commit(decisions, timeMillis, producer, consumer);
        }
    }

    private void apply(Inbound inbound) {
        if (inbound instanceof Inbound.State s) {
            decider.apply(s.state());
        } else if (inbound instanceof Inbound.NodeGone g) {
            decider.removeNode(g.nodeId());
        } else if (inbound instanceof Inbound.Forecast f) {
            decider.apply(f.prediction());
        } else if (inbound instanceof Inbound.Rejected r) {
            deadLetters.add(r.letter());
        }
    }

    private void commit(TickDecisions decisions, long timeMillis, KafkaProducer<byte[], byte[]> producer,
            KafkaConsumer<byte[], byte[]> consumer) {
        byte[] state = new StateSnapshot(StateSnapshot.VERSION, decider.memory().snapshot(), decider.inputs().save(),
                decider.jobs().snapshot()).encode();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        nextOffsets.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        boolean committed = new TickTransaction(producer, topics)
                .commit(decisions, timeMillis, deadLetters, state, offsets, consumer.groupMetadata());
        if (!committed) {
            // a deterministic failure (a record too large, say) would fail the same way forever
            if (++abortsInARow >= MAX_ABORTS_IN_A_ROW) {
                throw new IllegalStateException("tick " + decisions.tick() + " aborted " + abortsInARow + " times in a row");
            }
            LOG.warn("tick {} aborted; rewinding to the state after tick {}", decisions.tick(), lastCommittedTick.get());
            rewind(consumer);
            return;
        }
        abortsInARow = 0;
        committedState = state;
        nextOffsets.clear();
        deadLetters.forEach(l -> LOG.warn("dead letter from {}-{}@{}: {}", l.topic(), l.partition(), l.offset(), l.message()));
        deadLetters.clear();
        decisions.audit().forEach(entry -> AUDIT_LOG.info(entry.describe()));
        lastCommittedTick.set(decisions.tick());
    }

    /** After an abort: back to the last committed memory and offsets, as if this instance had restarted. */
    private void rewind(KafkaConsumer<byte[], byte[]> consumer) {
        restore(committedState);
        barrier.clear();
        ungated.clear();
        nextOffsets.clear();
        deadLetters.clear();
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, config.adminTimeout());
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata offset = committed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }

    private void restore(byte[] state) {
        committedState = state;
        if (state == null) {
            decider = new TickDecider(config.settings());
            return;
        }
        StateSnapshot snapshot = StateSnapshot.decode(state);
        decider = new TickDecider(config.settings(), ActuatorMemory.restore(snapshot.memory()),
                LatestInputs.restore(snapshot.inputs()), JobHistory.restore(snapshot.jobs()));
        lastCommittedTick.set(snapshot.memory().lastDecidedTick());
    }
}
