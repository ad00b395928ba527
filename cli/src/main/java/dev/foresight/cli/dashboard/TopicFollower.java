package dev.foresight.cli.dashboard;

import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads some of the pipeline's topics from the beginning, as they grow, into a {@link DashboardState}:
 * read_committed, every partition assigned (no consumer group, nothing committed, so any number of
 * dashboards can watch one cluster). Topics that do not exist yet are waited for. Records it cannot
 * decode are skipped: the pipeline's validation is the place that reports them.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final DashboardState state;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    private TopicFollower(Map<String, Object> clientProperties, List<String> topics, DashboardState state, String name) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
        // model releases are single large records
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = List.copyOf(topics);
        this.state = state;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts following the topics of {@code roles} in {@code catalogue}. */
    public static TopicFollower start(Map<String, Object> clientProperties, TopicCatalogue catalogue, Set<TopicRole> roles,
                                      DashboardState state, String name) {
        List<String> names = roles.stream().sorted().map(catalogue::name).toList();
        TopicFollower follower = new TopicFollower(clientProperties, names, state, name);
        follower.thread.start();
        return follower;
    }

    /** The consumer, for binding its client metrics; only its metrics may be used from another thread. */
    public KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    private void run() {
        try {
            assignWhenTheTopicsExist();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    dispatch(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.warn("dashboard reader woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("dashboard reader of {} stopped: {}", topics, e.toString(), e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            stopped.countDown();
        }
    }

    private void assignWhenTheTopicsExist() throws InterruptedException {
        boolean warned = false;
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            if (missing.isEmpty()) {
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                return;
            }
            if (!warned) {
                LOG.warn("dashboard waits for topics {} to be created", missing);
                warned = true;
            }
            Thread.sleep(RETRY.toMillis()); // waiting for someone else to create the topics, not synchronisation
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                state.removeNode(new String(record.key(), StandardCharsets.UTF_8));
            }
            return;
        }
        SpecificRecord value;
        try {
            value = AvroCodec.decodeAny(record.value());
        } catch (RuntimeException undecodable) {
            return;
        }
        if (value instanceof TickMarker m) {
            state.tick(m.getTick());
        } else if (value instanceof NodeState s) {
            state.node(s);
        } else if (value instanceof Prediction p) {
            state.prediction(p);
        } else if (value instanceof Command c) {
            state.command(c);
        } else if (value instanceof CommandResult r) {
            state.commandResult(r);
        } else if (value instanceof NodeEvent e) {
            state.nodeEvent(e);
        } else if (value instanceof ModelRelease m) {
            state.model(m);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(10, TimeUnit.SECONDS)) {
                LOG.warn("dashboard reader did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
