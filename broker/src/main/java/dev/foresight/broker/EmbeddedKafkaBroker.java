package dev.foresight.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) inside this JVM, listening on
 * loopback only. It is the default cluster of {@code foresight demo} and of the tests: nothing to
 * install, and it behaves like any Kafka because it is Kafka. Each instance formats a fresh storage
 * directory; {@link #close()} stops the server and deletes the directory unless it was given by the
 * caller to keep.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String LOOPBACK = "127.0.0.1";

    private final BrokerSettings settings;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private KafkaRaftServer server;
    private int brokerPort;
    private int controllerPort;

    private EmbeddedKafkaBroker(BrokerSettings settings, Path dataDir, boolean deleteOnClose) {
        this.settings = settings;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Formats storage in a fresh temporary directory and starts the broker; returns when it serves requests. */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        Path dir = settings.dataDir();
        boolean temporary = dir == null;
        try {
            if (temporary) {
                dir = Files.createTempDirectory("foresight-kafka-");
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker data directory " + dir, e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(settings, dir, temporary);
        try {
            broker.startServer();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public static EmbeddedKafkaBroker start() {
        return start(BrokerSettings.defaults());
    }

    private void startServer() {
        long started = System.nanoTime();
        brokerPort = settings.port() > 0 ? settings.port() : freePort();
        controllerPort = freePort();
        Path logDir = dataDir.resolve("log");
        Properties props = serverProperties(logDir);
        try {
            Files.createDirectories(logDir);
            // A directory left formatted by an earlier run keeps its cluster id; formatting it again would fail.
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                new Formatter()
                        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .setClusterId(Uuid.randomUuid().toString())
                        .setNodeId(1)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logDir.toString())
                        .setDirectories(List.of(logDir.toString()))
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setUnstableFeatureVersionsEnabled(false)
                        .setScramArguments(settings.scramCredentials())
                        .run();
            }
        } catch (Exception e) {
            throw new BrokerStartException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        awaitReady(settings.startTimeout());
        LOG.info("Embedded Kafka {} ready on {} in {} ms (data {})", kafkaVersion(), bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dataDir);
    }

    private Properties serverProperties(Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Model releases are single large records; the models topic raises its own limit up to this.
        p.put("message.max.bytes", Integer.toString(settings.maxMessageBytes()));
        p.put("replica.fetch.max.bytes", Integer.toString(settings.maxMessageBytes()));
        p.put("auto.create.topics.enable", Boolean.toString(settings.autoCreateTopics()));
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        if (settings.listenerSecurity().isEmpty()) {
            p.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        }
        // Security profiles (SASL, ACLs) supply their own listener layout and authorizer settings.
        settings.listenerSecurity().forEach((k, v) -> p.put(k, v.replace("${BROKER_PORT}", Integer.toString(brokerPort))
                .replace("${CONTROLLER_PORT}", Integer.toString(controllerPort))
                .replace("${HOST}", LOOPBACK)));
        settings.overrides().forEach(p::put);
        return p;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        Map<String, Object> adminConfig = clientProperties();
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw new BrokerStartException("embedded Kafka did not become ready within " + timeout
                + " on " + bootstrapServers() + (last == null ? "" : ": " + last), last);
    }

    /** {@code host:port} of the client listener. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + brokerPort;
    }

    /** Properties every client of this broker needs (bootstrap servers plus any security settings). */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new java.util.HashMap<>(settings.clientSecurity());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("embedded Kafka did not shut down cleanly: {}", e.toString());
            }
            server = null;
        }
        if (deleteOnClose) {
            deleteRecursively(dataDir);
        }
    }

    /** The Kafka version on the classpath, from the properties file kafka-clients ships. */
    public static String kafkaVersion() {
        try (var in = EmbeddedKafkaBroker.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.toString());
        }
    }

    /** The broker could not be formatted or did not come up. */
    public static final class BrokerStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public BrokerStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
