package dev.foresight.producers.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.ClusterSimulation;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.cluster.TickReport;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.codec.AvroTrust;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class SimulationDriverTest {

    static {
        AvroTrust.ensure(); // builders resolve enum defaults through Avro's class loading
    }

    static final String SMALL = """
            name: driver-test
            nodes: 8
            racks: 2
            durationTicks: 12
            """;

    private static TopicCatalogue topics(TestKafka kafka, String label) throws Exception {
        TopicCatalogue catalogue = TopicCatalogue.of(TopicSettings.defaults().withPrefix(kafka.uniquePrefix(label)).withPartitions(3));
        try (Admin admin = kafka.newAdmin()) {
            new TopicAdministrator(admin, 30_000).createMissing(catalogue);
        }
        return catalogue;
    }

    @Test
    void openLoopPublishesEveryTickWithMarkersOnEveryPartition(TestKafka kafka) throws Exception {
        TopicCatalogue catalogue = topics(kafka, "open");
        Scenario scenario = ScenarioLoader.parse(SMALL, "test");
        List<TickReport> reports = new ArrayList<>();
        try (TickPublisher publisher = new TickPublisher(kafka.clientProperties(), catalogue, "sim-open-" + System.nanoTime())) {
            SimulationDriver driver = new SimulationDriver(ClusterSimulation.create(scenario, 7), publisher, Optional.empty(), 0,
                    Duration.ofSeconds(30), () -> true, SimulationDriver.Pacer.asFastAsPossible());
            driver.addListener(reports::add);
            assertThat(driver.run()).isEqualTo(12);
        }
        try (var telemetry = new TickedTopicReader<>(kafka.clientProperties(), catalogue.name(TopicRole.TELEMETRY),
                NodeTelemetry.class, TickPublisher.STAGE);
             var states = new TickedTopicReader<>(kafka.clientProperties(), catalogue.name(TopicRole.CLUSTER_STATE),
                     NodeState.class, TickPublisher.STAGE)) {
            assertThat(telemetry.partitions()).isEqualTo(3);
            for (TickReport report : reports) {
                List<NodeTelemetry> samples = telemetry.awaitTick(report.tick(),
                        Comparator.comparing(NodeTelemetry::getNodeId), Duration.ofSeconds(30), () -> true);
                assertThat(samples).extracting(NodeTelemetry::getNodeId)
                        .containsExactlyElementsOf(report.telemetry().stream().map(s -> s.nodeId()).toList());
                assertThat(samples).allSatisfy(s -> assertThat(s.getTimestamp()).isEqualTo(Instant.ofEpochMilli(report.timeMillis())));
                assertThat(states.awaitTick(report.tick(), Comparator.comparing(NodeState::getNodeId), Duration.ofSeconds(30), () -> true))
                        .hasSize(8);
            }
        }
    }

    @Test
    void closedLoopAppliesCommandsAfterTheLagAndRejectsWhatTheModelCannotDo(TestKafka kafka) throws Exception {
        TopicCatalogue catalogue = topics(kafka, "closed");
        Scenario scenario = ScenarioLoader.parse(SMALL, "test");
        String commandsTopic = catalogue.name(TopicRole.COMMANDS);
        AtomicInteger decided = new AtomicInteger();
        // A stand-in actuator over real Kafka: for every tick it decides two commands and closes the tick with markers.
        TickReportActuator actuator = new TickReportActuator(kafka, commandsTopic, 3);
        List<Long> appliedAt = new ArrayList<>();
        try (TickPublisher publisher = new TickPublisher(kafka.clientProperties(), catalogue, "sim-closed-" + System.nanoTime());
             var commands = KafkaCommandSource.reader(kafka.clientProperties(), commandsTopic);
             var results = new TickedTopicReader<>(kafka.clientProperties(), catalogue.name(TopicRole.COMMAND_RESULTS),
                     CommandResult.class, TickPublisher.STAGE)) {
            SimulationDriver driver = new SimulationDriver(ClusterSimulation.create(scenario, 7), publisher, Optional.of(commands), 1,
                    Duration.ofSeconds(30), () -> true, SimulationDriver.Pacer.asFastAsPossible());
            driver.addListener(new SimulationDriver.TickListener() {
                @Override
                public void onTick(TickReport report) {
                    actuator.decide(report.tick());
                }

                @Override
                public void onCommands(long decidedAtTick, List<Command> cmds) {
                    decided.addAndGet(cmds.size());
                    appliedAt.add(decidedAtTick);
                }
            });
            driver.run();
            actuator.close();
            // decided at tick k, applied at k + 2 (lag 1): the last two ticks' decisions are never applied
            assertThat(appliedAt).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            List<CommandResult> all = new ArrayList<>();
            for (long t = 0; t < 12; t++) {
                all.addAll(results.awaitTick(t, Comparator.comparing(CommandResult::getCommandId), Duration.ofSeconds(30), () -> true));
            }
            assertThat(all).filteredOn(r -> r.getCommandId().startsWith("bogus-vm"))
                    .hasSize(10).allSatisfy(r -> {
                        assertThat(r.getStatus()).isEqualTo(CommandStatus.REJECTED);
                        assertThat(r.getReason()).isNotBlank();
                    });
            assertThat(all).filteredOn(r -> r.getCommandId().startsWith("unknown-type"))
                    .hasSize(10).allSatisfy(r -> assertThat(r.getReason()).contains("unknown command type"));
            // applied at decision tick + 2
            assertThat(all).filteredOn(r -> r.getCommandId().equals("bogus-vm-0003")).singleElement()
                    .satisfies(r -> assertThat(r.getTick()).isEqualTo(5L));
        }
        assertThat(decided.get()).isEqualTo(20);
    }

    @Test
    void junkBytesAndAnInvalidCommandMidRunAreDeadLetteredAnsweredAndLeaveTheModelUntouched(TestKafka kafka) throws Exception {
        byte[] junk = {0x00, 0x01, 0x02, 'x'};
        Command invalid = Command.newBuilder().setCommandId("invalid-0004").setTimestamp(Instant.ofEpochMilli(4 * 60_000))
                .setTick(-1).setType(CommandType.QUARANTINE).setSubject("node-0002").setReason("hostile").build();
        LoopRun clean = closedLoop(kafka, "clean", (topic, producer) -> { });
        LoopRun hostile = closedLoop(kafka, "hostile", (topic, producer) -> {
            // before the actuator closes tick 4: both land in tick 4's slot of their partitions
            producer.send(new ProducerRecord<>(topic, 1, "node-0001".getBytes(StandardCharsets.UTF_8), junk));
            producer.send(new ProducerRecord<>(topic, 2, "node-0002".getBytes(StandardCharsets.UTF_8), AvroCodec.encode(invalid)));
        });

        assertThat(hostile.ticks()).as("the loop did not stall on the bad records").isEqualTo(12);
        assertThat(hostile.modelBytes()).as("the cluster model never saw them: same telemetry, states and outcomes byte for byte")
                .isEqualTo(clean.modelBytes());

        List<ConsumerRecord<byte[], byte[]>> letters = awaitDeadLetters(kafka, hostile.catalogue(), 2);
        String commandsTopic = hostile.catalogue().name(TopicRole.COMMANDS);
        assertThat(letters).anySatisfy(letter -> {
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("BAD_HEADER");
            assertThat(letter.value()).as("the original bytes, untouched").isEqualTo(junk);
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(commandsTopic);
            assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo("1");
            assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo(TickPublisher.STAGE);
        });
        assertThat(letters).anySatisfy(letter -> {
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("INVALID_VALUE");
            assertThat(header(letter, DeadLetterHeaders.MESSAGE)).contains("invalid-0004").contains("negative");
            assertThat(letter.value()).isEqualTo(AvroCodec.encode(invalid));
        });
        assertThat(hostile.results()).filteredOn(r -> r.getCommandId().equals("invalid-0004")).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(CommandStatus.REJECTED);
            assertThat(r.getReason()).startsWith("INVALID_VALUE");
            assertThat(r.getTick()).as("due at its slot's tick 4 + 1 + lag 1").isEqualTo(6L);
        });
        assertThat(clean.results()).noneMatch(r -> r.getCommandId().equals("invalid-0004"));
        assertThat(awaitDeadLetters(kafka, clean.catalogue(), 0)).isEmpty();
    }

    /** What a closed-loop run showed: the ticks it ran, the model's published bytes, every command result. */
    record LoopRun(TopicCatalogue catalogue, long ticks, List<String> modelBytes, List<CommandResult> results) {}

    /** Writes extra records onto the commands topic during a run, before the actuator closes tick 4. */
    interface Injection {
        void inject(String commandsTopic, KafkaProducer<byte[], byte[]> producer);
    }

    private static LoopRun closedLoop(TestKafka kafka, String label, Injection injection) throws Exception {
        TopicCatalogue catalogue = topics(kafka, label);
        String commandsTopic = catalogue.name(TopicRole.COMMANDS);
        TickReportActuator actuator = new TickReportActuator(kafka, commandsTopic, 3);
        List<String> modelBytes = new ArrayList<>(); // one SHA-256 per tick
        long ticks;
        try (TickPublisher publisher = new TickPublisher(kafka.clientProperties(), catalogue, "sim-" + label + "-" + System.nanoTime());
             var commands = KafkaCommandSource.reader(kafka.clientProperties(), commandsTopic);
             KafkaProducer<byte[], byte[]> hostile = new KafkaProducer<>(new HashMap<>(kafka.clientProperties()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            SimulationDriver driver = new SimulationDriver(ClusterSimulation.create(ScenarioLoader.parse(SMALL, "test"), 7), publisher,
                    Optional.of(commands), 1, Duration.ofSeconds(30), () -> true, SimulationDriver.Pacer.asFastAsPossible());
            driver.addListener(report -> {
                MessageDigest digest = sha256();
                for (var sample : report.telemetry()) {
                    digest.update(AvroCodec.encode(AvroMapping.telemetry(sample, report.tick())));
                }
                for (var node : report.nodeStates()) {
                    digest.update(AvroCodec.encode(AvroMapping.state(node, report.tick(), report.timeMillis())));
                }
                for (var outcome : report.outcomes()) {
                    digest.update(AvroCodec.encode(AvroMapping.result(outcome, report.timeMillis())));
                }
                modelBytes.add("tick " + report.tick() + ": " + HexFormat.of().formatHex(digest.digest()));
                if (report.tick() == 4) {
                    injection.inject(commandsTopic, hostile);
                    hostile.flush();
                }
                actuator.decide(report.tick());
            });
            ticks = driver.run();
        } finally {
            actuator.close();
        }
        List<CommandResult> results = new ArrayList<>();
        try (var reader = new TickedTopicReader<>(kafka.clientProperties(), catalogue.name(TopicRole.COMMAND_RESULTS),
                CommandResult.class, TickPublisher.STAGE)) {
            for (long t = 0; t < ticks; t++) {
                results.addAll(reader.awaitTick(t, Comparator.comparing(CommandResult::getCommandId), Duration.ofSeconds(30), () -> true));
            }
        }
        return new LoopRun(catalogue, ticks, modelBytes, results);
    }

    /** Every committed dead letter, once at least {@code atLeast} have arrived (the run's transactions are all closed). */
    private static List<ConsumerRecord<byte[], byte[]>> awaitDeadLetters(TestKafka kafka, TopicCatalogue catalogue, int atLeast) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            String topic = catalogue.name(TopicRole.DEAD_LETTERS);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await("dead letters on " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(letters::add);
                // caught up on every partition: nothing committed is left unread
                return letters.size() >= atLeast && partitions.stream()
                        .allMatch(p -> consumer.position(p) >= consumer.endOffsets(List.of(p)).get(p));
            });
        }
        return letters;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Writes two commands per tick and the actuator markers, the way the real actuator app closes a tick. */
    static final class TickReportActuator implements AutoCloseable {
        private final KafkaProducer<String, SpecificRecord> producer;
        private final String topic;
        private final int partitions;

        TickReportActuator(TestKafka kafka, String topic, int partitions) {
            Map<String, Object> props = new HashMap<>(kafka.clientProperties());
            props.put("acks", "all");
            this.producer = new KafkaProducer<>(props, new StringSerializer(), AvroSerde.any().serializer());
            this.topic = topic;
            this.partitions = partitions;
        }

        void decide(long tick) {
            Instant now = Instant.ofEpochMilli(tick * 60_000);
            producer.send(new ProducerRecord<>(topic, "vm-none", Command.newBuilder().setCommandId(String.format("bogus-vm-%04d", tick))
                    .setTimestamp(now).setTick(tick).setType(CommandType.MIGRATE).setSubject("vm-does-not-exist")
                    .setTarget("node-0001").setReason("test").build()));
            producer.send(new ProducerRecord<>(topic, "node-0001", Command.newBuilder().setCommandId(String.format("unknown-type-%04d", tick))
                    .setTimestamp(now).setTick(tick).setType(CommandType.UNKNOWN_COMMAND).setSubject("node-0001")
                    .setReason("from a newer actuator").build()));
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topic, p, "~tick", TickMarker.newBuilder().setStage("actuator").setTick(tick)
                        .setPartition(p).setPartitionCount(partitions).setTimestamp(now).build()));
            }
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
