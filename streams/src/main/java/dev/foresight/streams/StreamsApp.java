package dev.foresight.streams;

import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.streams.errors.DeadLetterDeserializationHandler;
import dev.foresight.streams.errors.DeadLetterProcessingHandler;
import dev.foresight.streams.errors.ThreadFailurePolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology running in {@code KafkaStreams}, with its topics created and its failures visible.
 *
 * <p>A dead stream thread is never silent: the uncaught exception handler logs the exception, records
 * it and shuts the client down (a processing bug would only fail again on a replaced thread; the one transient
 * case, source topics missing right after a broker restart, gets a replaced thread: {@link ThreadFailurePolicy}); the
 * state listener turns the ERROR state into a failure too. Callers watch {@link #health()} or wait on
 * {@link #failure()}.
 */
public final class StreamsApp implements AutoCloseable {

    /** How long topic administration may take before start gives up. */
    public static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Producer transaction timeout unless the client configuration sets {@code producer.transaction.timeout.ms}:
     * a training tick runs inside the trainer task's transaction, and the Kafka Streams default (10 s) would abort
     * a long fit and have it retried forever.
     */
    public static final Duration TRANSACTION_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

    /**
     * A snapshot of the application's health.
     *
     * @param state   the Kafka Streams client state
     * @param healthy running or rebalancing, and no thread has died
     * @param failure what stopped it, if something did
     */
    public record Health(KafkaStreams.State state, boolean healthy, Optional<Throwable> failure) {
    }

    private final StreamsSettings settings;
    private final KafkaStreams streams;
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private final CountDownLatch running = new CountDownLatch(1);

    private StreamsApp(StreamsSettings settings, Properties properties) {
        this.settings = settings;
        this.streams = new KafkaStreams(ForesightTopology.build(settings), properties);
        ThreadFailurePolicy threadFailures = new ThreadFailurePolicy();
        streams.setUncaughtExceptionHandler(exception -> {
            StreamThreadExceptionResponse response = threadFailures.onFailure(exception);
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
                LOG.warn("a stream thread of {} died in a rebalance that found source topics missing (a broker that "
                        + "just restarted may not list them yet); replacing the thread", settings.applicationId(), exception);
                return response;
            }
            LOG.error("a stream thread of {} died; shutting the client down", settings.applicationId(), exception);
            failure.complete(exception);
            return response;
        });
        streams.setStateListener((newState, oldState) -> {
            LOG.info("{}: {} -> {}", settings.applicationId(), oldState, newState);
            if (newState == KafkaStreams.State.RUNNING) {
                threadFailures.onRunning();
                running.countDown();
            } else if (newState == KafkaStreams.State.ERROR) {
                failure.complete(new IllegalStateException(settings.applicationId() + " entered state ERROR"));
            }
        });
    }

    /**
     * Creates the missing topics (the catalogue's and the application's own) and starts the application.
     *
     * @param settings         what to run
     * @param clientProperties how to reach the cluster: {@code bootstrap.servers} plus any security settings
     */
    public static StreamsApp start(StreamsSettings settings, Map<String, Object> clientProperties) {
        createTopics(settings, clientProperties);
        StreamsApp app = new StreamsApp(settings, properties(settings, clientProperties));
        app.streams.start();
        return app;
    }

    /** The Kafka Streams configuration the application runs with. */
    public static Properties properties(StreamsSettings settings, Map<String, Object> clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                settings.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.topics().replicationFactor());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(DeadLetterDeserializationHandler.DEAD_LETTER_TOPIC_CONFIG,
                settings.catalogue().name(TopicRole.DEAD_LETTERS));
        // a model release (and the trainer's example buffer in its changelog) is one record of up to this size
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), settings.topics().maxModelBytes());
        // a client configuration that sets its own timeout keeps it: the timeout is also how long readers wait on
        // a transaction its producer abandoned (a crash, a broker restart), which tests and operators may shorten
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                (int) TRANSACTION_TIMEOUT.toMillis());
        // feature vectors and examples repeat the same few hundred feature names in every record: lz4 takes
        // most of the bytes (and of the commit latency, which waits for them) away
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        // A feature vector is over a kilobyte: the default 16 KiB batches fill every dozen records, and each new
        // batch pays lz4's stream set-up (a 64 KiB block and a JNI header checksum), a tenth of the stream thread.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        return props;
    }

    /** Creates whatever topic is missing and checks that the co-partitioned ones agree. */
    public static void createTopics(StreamsSettings settings, Map<String, Object> clientProperties) {
        try (Admin admin = Admin.create(new HashMap<>(clientProperties))) {
            new TopicAdministrator(admin, ADMIN_TIMEOUT.toMillis()).createMissing(settings.catalogue());
            List<NewTopic> internal = ForesightTopology.internalTopics(settings);
            var results = admin.createTopics(internal).values();
            for (NewTopic topic : internal) {
                try {
                    results.get(topic.name()).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name() + ": " + e.getCause(), e);
                    }
                }
            }
            Map<String, TopicDescription> described = describeWhenLed(admin, internal.stream().map(NewTopic::name).toList());
            for (NewTopic topic : internal) {
                int actual = described.get(topic.name()).partitions().size();
                if (actual != topic.numPartitions()) {
                    throw new IllegalStateException("topic " + topic.name() + " has " + actual + " partitions, but "
                            + topic.numPartitions() + " are needed; delete it (it is the application's own) and restart");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach the cluster to create topics: " + e, e);
        }
    }

    /**
     * Waits until the topics are in the brokers' metadata with a leader for every partition: Kafka Streams
     * stops with MissingSourceTopicException if its first rebalance does not see a source topic, and a
     * transactional write to a partition without a leader fails fatally.
     */
    private static Map<String, TopicDescription> describeWhenLed(Admin admin, List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                boolean led = described.values().stream()
                        .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
                if (led) {
                    return described;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + names + " still have partitions without a leader after "
                            + ADMIN_TIMEOUT);
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(50); // back-off between metadata polls
        }
    }

    public StreamsSettings settings() {
        return settings;
    }

    /** The Kafka Streams client, for metrics and interactive queries. */
    public KafkaStreams streams() {
        return streams;
    }

    public Health health() {
        KafkaStreams.State state = streams.state();
        Optional<Throwable> failed = Optional.ofNullable(failure.getNow(null));
        boolean healthy = failed.isEmpty()
                && (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING);
        return new Health(state, healthy, failed);
    }

    /** Completes with the cause when a stream thread dies or the client enters ERROR; never otherwise. */
    public CompletableFuture<Throwable> failure() {
        return failure.copy();
    }

    /** Waits until the client first reaches RUNNING; false on timeout or failure. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !failure.isDone();
    }

    /** Closes the client, waiting up to the timeout for in-flight transactions; true if it closed in time. */
    public boolean close(Duration timeout) {
        return streams.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
