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
import dev.foresight.schemas.codec.AvroSerde;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class SimulationDriverTest {

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
             var commands = new TickedTopicReader<>(kafka.clientProperties(), commandsTopic, Command.class, "actuator");
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
