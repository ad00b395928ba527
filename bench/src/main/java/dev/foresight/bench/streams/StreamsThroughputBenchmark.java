package dev.foresight.bench.streams;

import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.ForesightTopology;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import dev.foresight.streams.lockstep.Stages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Throughput of the Foresight topology on the embedded broker, as a ratio to a pass-through topology
 * (decode every input record, project it to a small output record) over the same input in the same run.
 *
 * <p>The input is a synthetic cluster in lockstep form: per tick, every node's telemetry with the
 * simulator's eleven metrics, a few failures and repairs, and a simulator marker on every partition of
 * both input topics. It is produced once, before either application starts. Each application then runs
 * alone, exactly-once with one stream thread (the production settings), from the moment it reaches
 * RUNNING until a read_committed consumer has seen its last output: every input record for the
 * pass-through, every partition's streams marker of the last tick on the predictions topic for Foresight.
 * Rate = input records / that time. Foresight's time includes its training decisions (default settings:
 * every 60 ticks, random forest).
 *
 * <p>Run: {@code java -cp <bench classpath> dev.foresight.bench.streams.StreamsThroughputBenchmark
 * [nodes=128] [ticks=240] [partitions=4]}; about a minute on a 2-core machine with the defaults.
 */
public final class StreamsThroughputBenchmark {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration TICK = Duration.ofSeconds(60);
    private static final List<String> GAUGES = List.of("cpu_util", "mem_util", "vm_count", "power_watts",
            "temp_cpu_c", "temp_inlet_c", "fan_rpm", "psu_voltage_v", "net_mbps");

    /** One measured application. */
    public record Rate(String name, long records, double seconds) {
        public double perSecond() {
            return records / seconds;
        }
    }

    /** Both rates and their ratio. */
    public record Report(long inputRecords, Rate passThrough, Rate foresight) {
        public double ratio() {
            return foresight.perSecond() / passThrough.perSecond();
        }
    }

    private StreamsThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 240;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Report report = run(nodes, ticks, partitions);
        System.out.printf(Locale.ROOT, "input: %d records (%d nodes x %d ticks, %d partitions, markers included)%n",
                report.inputRecords(), nodes, ticks, partitions);
        for (Rate rate : List.of(report.passThrough(), report.foresight())) {
            System.out.printf(Locale.ROOT, "%-13s %8.0f records/s  (%.2f s)%n", rate.name(), rate.perSecond(), rate.seconds());
        }
        System.out.printf(Locale.ROOT, "ratio foresight / pass-through: %.3f%n", report.ratio());
    }

    /** Starts a broker, produces the input, measures both applications, cleans up. */
    public static Report run(int nodes, int ticks, int partitions) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            return run(broker.clientProperties(), "bench.", nodes, ticks, partitions);
        }
    }

    /**
     * As {@link #run(int, int, int)}, on a running cluster (e.g. the broker other benchmarks of the same run
     * use). Topics, application ids and reader groups are named after {@code prefix}: give each call its own.
     */
    public static Report run(Map<String, Object> client, String prefix, int nodes, int ticks, int partitions)
            throws Exception {
        Path stateRoot = Files.createTempDirectory("foresight-bench-streams-");
        String id = prefix.replaceAll("[^A-Za-z0-9._-]", "");
        try {
            StreamsSettings settings = StreamsSettings.builder()
                    .applicationId(id + "foresight")
                    .topics(TopicSettings.defaults().withPrefix(prefix).withPartitions(partitions))
                    .stateDir(stateRoot.resolve("foresight"))
                    .build();
            StreamsApp.createTopics(settings, client);
            long input = produce(settings, client, nodes, ticks, partitions);

            String passOut = prefix + "pass-through";
            try (var admin = org.apache.kafka.clients.admin.Admin.create(new HashMap<>(client))) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(passOut, partitions, (short) 1)))
                        .all().get(30, TimeUnit.SECONDS);
            }
            StreamsSettings passSettings = settings.toBuilder().applicationId(id + "pass-through")
                    .stateDir(stateRoot.resolve("pass-through")).build();
            Rate pass = measure("pass-through", passThrough(settings, passOut), passSettings, client, input,
                    passOut, record -> true, input);
            Rate foresight = measure("foresight", ForesightTopology.build(settings), settings, client, input,
                    settings.catalogue().name(TopicRole.PREDICTIONS),
                    record -> Stages.MARKER_KEY.equals(new String(record.key(), StandardCharsets.UTF_8))
                            && ((TickMarker) AvroCodec.decodeAny(record.value())).getTick() == ticks - 1,
                    partitions);
            return new Report(input, pass, foresight);
        } finally {
            deleteRecursively(stateRoot);
        }
    }

    /** Decodes each input record and writes its node, time and kind: the floor any topology pays. */
    static Topology passThrough(StreamsSettings settings, String outputTopic) {
        Topology topology = new Topology();
        ByteArrayDeserializer bytes = new ByteArrayDeserializer();
        topology.addSource("in", bytes, bytes, settings.catalogue().name(TopicRole.TELEMETRY),
                settings.catalogue().name(TopicRole.NODE_EVENTS));
        topology.addProcessor("project", () -> new Processor<byte[], byte[], byte[], byte[]>() {
            private ProcessorContext<byte[], byte[]> context;

            @Override
            public void init(ProcessorContext<byte[], byte[]> context) {
                this.context = context;
            }

            @Override
            public void process(Record<byte[], byte[]> record) {
                SpecificRecord value = AvroCodec.decodeAny(record.value());
                String projected = value.getSchema().getName() + "|" + value.get(0) + "|" + value.get(1);
                context.forward(record.withValue(projected.getBytes(StandardCharsets.UTF_8)));
            }
        }, "in");
        topology.addSink("out", outputTopic, new ByteArraySerializer(), new ByteArraySerializer(), "project");
        return topology;
    }

    private static Rate measure(String name, Topology topology, StreamsSettings settings, Map<String, Object> client,
                                long inputRecords, String outputTopic,
                                java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> counts, long expected)
            throws InterruptedException {
        Properties props = StreamsApp.properties(settings, client);
        CountDownLatch running = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology, props);
             KafkaConsumer<byte[], byte[]> consumer = consumer(client, name)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.setUncaughtExceptionHandler(e -> {
                System.err.println(name + ": a stream thread died: " + e);
                return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            consumer.subscribe(List.of(outputTopic));
            streams.start();
            if (!running.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException(name + " did not reach RUNNING");
            }
            long start = System.nanoTime();
            long seen = 0;
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            while (seen < expected) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    if (counts.test(record)) {
                        seen++;
                    }
                }
                if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
                    throw new IllegalStateException(name + " saw " + seen + " of " + expected + " outputs; state "
                            + streams.state());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Rate(name, inputRecords, seconds);
        }
    }

    /** Produces the lockstep input; returns how many records (data and markers). */
    static long produce(StreamsSettings settings, Map<String, Object> client, int nodes, int ticks, int partitions)
            throws Exception {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        String telemetryTopic = settings.catalogue().name(TopicRole.TELEMETRY);
        String eventsTopic = settings.catalogue().name(TopicRole.NODE_EVENTS);
        SplittableRandom random = new SplittableRandom(42);
        long[] failAt = new long[nodes];
        long[] repairAt = new long[nodes];
        double[] ecc = new double[nodes];
        for (int n = 0; n < nodes; n++) {
            failAt[n] = 30 + random.nextInt(ticks * 4);
            repairAt[n] = -1;
        }
        long count = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int t = 0; t < ticks; t++) {
                Instant time = START.plus(TICK.multipliedBy(t));
                for (int n = 0; n < nodes; n++) {
                    String node = String.format(Locale.ROOT, "node-%04d", n);
                    byte[] key = node.getBytes(StandardCharsets.UTF_8);
                    if (t == failAt[n] || t == repairAt[n]) {
                        boolean failing = t == failAt[n];
                        NodeEvent event = new NodeEvent(node, time, (long) t,
                                failing ? NodeEventType.FAILED : NodeEventType.REPAIRED, null, null);
                        producer.send(new ProducerRecord<>(eventsTopic, null, time.toEpochMilli(), key, AvroCodec.encode(event)));
                        count++;
                        repairAt[n] = failing ? t + 10 : -1;
                        failAt[n] = failing ? failAt[n] : t + 30 + random.nextInt(ticks * 4);
                    }
                    if (repairAt[n] >= 0) {
                        continue;
                    }
                    double drift = Math.max(0, 30 - (failAt[n] - t));
                    ecc[n] += drift > 0 ? random.nextInt(20) : (random.nextInt(50) == 0 ? 1 : 0);
                    Map<String, Double> metrics = new TreeMap<>();
                    for (String gauge : GAUGES) {
                        metrics.put(gauge, random.nextDouble() * 100 + (gauge.startsWith("temp") ? drift : 0));
                    }
                    metrics.put("ecc_correctable_total", ecc[n]);
                    metrics.put("ecc_uncorrectable_total", 0.0);
                    NodeTelemetry telemetry = new NodeTelemetry(node, time, (long) t, metrics, "bench");
                    producer.send(new ProducerRecord<>(telemetryTopic, null, time.toEpochMilli(), key,
                            AvroCodec.encode(telemetry)));
                    count++;
                }
                for (String topic : List.of(eventsTopic, telemetryTopic)) {
                    for (int p = 0; p < partitions; p++) {
                        TickMarker marker = new TickMarker(Stages.SIMULATOR, (long) t, p, partitions, time);
                        producer.send(new ProducerRecord<>(topic, p, time.toEpochMilli(),
                                Stages.MARKER_KEY.getBytes(StandardCharsets.UTF_8), AvroCodec.encode(marker)));
                        count++;
                    }
                }
            }
            producer.flush();
        }
        return count;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> client, String name) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + name);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
