package dev.foresight.actuator.app;

import static dev.foresight.actuator.app.PipelineDriver.node;
import static dev.foresight.actuator.app.PipelineDriver.prediction;
import static dev.foresight.actuator.app.PipelineDriver.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.foresight.actuator.audit.AuditEntry;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.AlarmRule;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.actuator.settings.GuardrailSettings;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.actuator.settings.RiskSettings;
import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.schemas.AutomationLevel;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class ActuatorAppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final ActuatorSettings SETTINGS = ActuatorSettings.defaults()
            .withPolicies(EnumSet.of(PolicyKind.RELEASE, PolicyKind.PROACTIVE))
            .withRisk(new RiskSettings(AlarmRule.MODEL_FLAG, 0.5, 0.2, 0.2, 2, 2, 3600));

    private static ActuatorAppConfig config(TestKafka kafka, TopicSettings topics, String id, ActuatorSettings settings) {
        return ActuatorAppConfig.defaults(kafka.clientProperties()).withTopics(topics).withApplicationId(id).withSettings(settings);
    }

    private static TopicSettings topics(TestKafka kafka, String label) {
        return TopicSettings.defaults().withPrefix(kafka.uniquePrefix(label)).withPartitions(2);
    }

    /** n0 hosts v before the alarm; afterwards v is on n1 and n0 is quarantined. */
    private static List<NodeState> before(long tick) {
        return List.of(node("n0", "r0", tick, false, vm("v", "j")), node("n1", "r0", tick, false), node("n2", "r1", tick, false));
    }

    private static List<NodeState> evacuated(long tick) {
        return List.of(node("n0", "r0", tick, true), node("n1", "r0", tick, false, vm("v", "j")), node("n2", "r1", tick, false));
    }

    @Test
    void decidesEachTickOnceAllMarkersArrivedCommitsTransactionallyAndResumesAfterARestart(TestKafka kafka) throws Exception {
        TopicSettings topicSettings = topics(kafka, "actuator-eos");
        ActuatorTopics topics = ActuatorTopics.of(topicSettings);
        String id = topicSettings.prefix() + "actuator";
        try (Admin admin = kafka.newAdmin(); PipelineDriver driver = new PipelineDriver(kafka.clientProperties(), topics)) {
            topics.createMissing(admin, 30_000);
            ActuatorApp first = ActuatorApp.start(config(kafka, topicSettings, id, SETTINGS));
            try {
                // tick 0: all calm (the job starts: nothing of it is at risk yet), and one undecodable prediction
                driver.sendRaw(topics.predictions(), "n2", "not avro".getBytes(StandardCharsets.UTF_8));
                driver.publishTick(0, before(0), List.of(prediction("n0", 0, 0.02, false), prediction("n1", 0, 0.01, false),
                        prediction("n2", 0, 0.02, false)));
                await().atMost(PATIENCE).until(() -> markers(driver, 0) == driver.partitions());
                assertThat(driver.commandsOfTick(0)).isEmpty();

                // tick 1: an alarm on n0, whose job has run a tick
                driver.publishTick(1, before(1), List.of(prediction("n0", 1, 0.93, true), prediction("n1", 1, 0.01, false),
                        prediction("n2", 1, 0.02, false)));
                await().atMost(PATIENCE).until(() -> markers(driver, 1) == driver.partitions());

                List<Command> tick1 = driver.commandsOfTick(1);
                assertThat(tick1).extracting(c -> c.getType() + " " + c.getSubject())
                        .containsExactly("QUARANTINE n0", "MIGRATE v");
                assertThat(tick1).allSatisfy(c -> {
                    assertThat(c.getPredictionRef()).isEqualTo("n0@1/v1");
                    assertThat(c.getMode()).isEqualTo(AutomationLevel.AUTOMATIC);
                    assertThat(c.getReason()).isNotBlank();
                });
                assertThat(tick1.get(1).getTarget()).isEqualTo("n1"); // same rack as the job's node, lowest risk
                assertThat(driver.committedOutputs()).filteredOn(o -> o.value() instanceof Command)
                        .allSatisfy(o -> assertThat(o.key()).isEqualTo(((Command) o.value()).getSubject()));
                assertMarkersFollowCommands(driver, 1);

                // tick 2: calm; one calm tick of the two the release needs
                driver.publishTick(2, evacuated(2), List.of(prediction("n0", 2, 0.02, false)));
                await().atMost(PATIENCE).until(() -> markers(driver, 2) == driver.partitions());
                assertThat(driver.commandsOfTick(2)).isEmpty();
                assertThat(first.lastCommittedTick()).isEqualTo(2);
            } finally {
                first.close();
            }
            assertThat(first.failure()).isEmpty();

            // a new instance with the same id resumes from the committed state: the second calm tick releases n0
            ActuatorApp second = ActuatorApp.start(config(kafka, topicSettings, id, SETTINGS));
            try {
                driver.publishTick(3, evacuated(3), List.of(prediction("n0", 3, 0.03, false)));
                await().atMost(PATIENCE).until(() -> markers(driver, 3) == driver.partitions());
                assertThat(driver.commandsOfTick(3)).extracting(c -> c.getType() + " " + c.getSubject())
                        .containsExactly("RELEASE n0");
            } finally {
                second.close();
            }
            assertThat(second.failure()).isEmpty();

            // exactly once: one marker per partition per tick, no command twice
            for (long tick = 0; tick <= 3; tick++) {
                assertThat(driver.markersOfTick(tick)).isEqualTo(driver.partitions());
            }
            assertThat(driver.committedOutputs().stream().filter(o -> o.value() instanceof Command)
                    .map(o -> ((Command) o.value()).getCommandId()).toList()).doesNotHaveDuplicates().hasSize(3);
            assertTransactional(kafka, topics, driver, 4);
            assertOffsetsCommittedPastTheLastMarkers(admin, topics, id);
            assertDeadLetter(kafka, topics);
        }
    }

    /**
     * The quarantine's record (the prediction it acted on, with its horizon) and the cool-down after
     * its release live in the state snapshot: two restarts, one while the quarantine runs and one while
     * the node cools down, change nothing of when it ends and what follows.
     */
    @Test
    void aQuarantineExpiresOnItsPredictionsHorizonAndCoolsDownAcrossRestarts(TestKafka kafka) {
        TopicSettings topicSettings = topics(kafka, "actuator-expiry");
        ActuatorTopics topics = ActuatorTopics.of(topicSettings);
        String id = topicSettings.prefix() + "actuator";
        var settings = SETTINGS.withGuardrails(new GuardrailSettings(2, 16, 30, 0.5, 5));
        long horizonMillis = 3 * 60_000L; // H = 3 ticks
        try (Admin admin = kafka.newAdmin(); PipelineDriver driver = new PipelineDriver(kafka.clientProperties(), topics)) {
            topics.createMissing(admin, 30_000);
            ActuatorApp first = ActuatorApp.start(config(kafka, topicSettings, id, settings));
            try {
                driver.publishTick(0, idle(0, false), List.of(prediction("n0", 0, 0.95, true, horizonMillis, 0.6)));
                await().atMost(PATIENCE).until(() -> markers(driver, 0) == driver.partitions());
                assertThat(driver.commandsOfTick(0)).extracting(c -> c.getType() + " " + c.getSubject())
                        .containsExactly("QUARANTINE n0");
                driver.publishTick(1, idle(1, true), List.of(prediction("n0", 1, 0.9, true, horizonMillis, 0.6)));
                await().atMost(PATIENCE).until(() -> markers(driver, 1) == driver.partitions());
            } finally {
                first.close();
            }
            ActuatorApp second = ActuatorApp.start(config(kafka, topicSettings, id, settings));
            try {
                driver.publishTick(2, idle(2, true), List.of(prediction("n0", 2, 0.9, true, horizonMillis, 0.6)));
                await().atMost(PATIENCE).until(() -> markers(driver, 2) == driver.partitions());
                assertThat(driver.commandsOfTick(2)).as("still within H of the prediction of tick 0").isEmpty();
                // still alarmed, but H has passed since the prediction the quarantine acted on
                driver.publishTick(3, idle(3, true), List.of(prediction("n0", 3, 0.9, true, horizonMillis, 0.6)));
                await().atMost(PATIENCE).until(() -> markers(driver, 3) == driver.partitions());
                assertThat(driver.commandsOfTick(3)).extracting(c -> c.getType() + " " + c.getSubject())
                        .containsExactly("RELEASE n0");
            } finally {
                second.close();
            }
            ActuatorApp third = ActuatorApp.start(config(kafka, topicSettings, id, settings));
            try {
                for (long tick = 4; tick <= 8; tick++) {
                    long t = tick;
                    driver.publishTick(t, idle(t, false), List.of(prediction("n0", t, 0.95, true, horizonMillis, 0.6)));
                    await().atMost(PATIENCE).until(() -> markers(driver, t) == driver.partitions());
                }
                assertThat(driver.commands()).as("no new quarantine within the 5-tick cool-down after tick 3")
                        .filteredOn(c -> c.getTick() >= 4 && c.getTick() < 8).isEmpty();
                assertThat(driver.commandsOfTick(8)).extracting(c -> c.getType() + " " + c.getSubject())
                        .containsExactly("QUARANTINE n0");
            } finally {
                third.close();
            }
            assertThat(List.of(first, second, third)).allSatisfy(app -> assertThat(app.failure()).isEmpty());

            List<AuditEntry> published = AuditReader.readAll(kafka.clientProperties(), topics, PATIENCE).stream()
                    .filter(e -> e.stage() == AuditEntry.Stage.PUBLISHED).toList();
            assertThat(published).extracting(e -> e.tick() + " " + e.kind()).containsExactly("0 QUARANTINE", "3 RELEASE", "8 QUARANTINE");
            // p = 0.95, H = 180 s, 16 cores, demand 8 of 48 usable cores (n0 not yet quarantined at tick 0)
            double capacity = 8.0 / 48 * 16 * 180;
            assertThat(published.get(0).expectedGain()).isCloseTo(0.95 * capacity / 2, within(1e-6));
            assertThat(published.get(0).cost()).isCloseTo(0.05 * capacity, within(1e-6));
            assertThat(published.get(1).reason()).contains("no failure within the horizon H = 180 s", "n0@0/v1");
        }
    }

    /** n0 empty (and quarantined or not), the job on n1 and n2. */
    private static List<NodeState> idle(long tick, boolean quarantined) {
        return List.of(node("n0", "r0", tick, quarantined), node("n1", "r0", tick, false, vm("v", "j")),
                node("n2", "r1", tick, false, vm("w", "j")));
    }

    @Test
    void commandsUnderApproveWaitForAnOperator(TestKafka kafka) {
        TopicSettings topicSettings = topics(kafka, "actuator-approve");
        ActuatorTopics topics = ActuatorTopics.of(topicSettings);
        var settings = SETTINGS.withAutomation(Automation.APPROVE);
        try (Admin admin = kafka.newAdmin(); PipelineDriver driver = new PipelineDriver(kafka.clientProperties(), topics)) {
            topics.createMissing(admin, 30_000);
            ActuatorApp app = ActuatorApp.start(config(kafka, topicSettings, topicSettings.prefix() + "actuator", settings));
            try (ApprovalPublisher operator = new ApprovalPublisher(kafka.clientProperties(), topics, PATIENCE)) {
                driver.publishTick(0, before(0), List.of(prediction("n0", 0, 0.02, false)));
                await().atMost(PATIENCE).until(() -> markers(driver, 0) == driver.partitions());
                driver.publishTick(1, before(1), List.of(prediction("n0", 1, 0.93, true)));
                await().atMost(PATIENCE).until(() -> markers(driver, 1) == driver.partitions());
                assertThat(driver.commands()).isEmpty();

                List<AuditEntry> waiting = AuditReader.awaitingApproval(kafka.clientProperties(), topics, PATIENCE);
                assertThat(waiting).extracting(e -> e.kind() + " " + e.subject()).containsExactlyInAnyOrder("QUARANTINE n0", "MIGRATE v");
                AuditEntry quarantine = waiting.stream().filter(e -> e.subject().equals("n0")).findFirst().orElseThrow();
                operator.approve(quarantine.commandId(), "alice", "looks right");

                driver.publishTick(2, before(2), List.of(prediction("n0", 2, 0.93, true)));
                await().atMost(PATIENCE).until(() -> markers(driver, 2) == driver.partitions());

                assertThat(driver.commands()).singleElement().satisfies(c -> {
                    assertThat(c.getCommandId()).isEqualTo(quarantine.commandId());
                    assertThat(c.getType()).isEqualTo(CommandType.QUARANTINE);
                    assertThat(c.getMode()).isEqualTo(AutomationLevel.APPROVE);
                    assertThat(c.getTick()).as("belongs to the tick that released it").isEqualTo(2);
                });
                assertThat(AuditReader.awaitingApproval(kafka.clientProperties(), topics, PATIENCE))
                        .extracting(AuditEntry::subject).containsExactly("v");
            } finally {
                app.close();
            }
            assertThat(app.failure()).isEmpty();
        }
    }

    private static long markers(PipelineDriver driver, long tick) {
        driver.committedOutputs();
        return driver.markersOfTick(tick);
    }

    /** On each partition, a tick's commands come before that tick's marker. */
    private static void assertMarkersFollowCommands(PipelineDriver driver, long tick) {
        for (PipelineDriver.Output o : driver.committedOutputs()) {
            if (o.value() instanceof Command c && c.getTick() == tick) {
                long markerOffset = driver.committedOutputs().stream()
                        .filter(m -> m.partition() == o.partition() && m.value() instanceof dev.foresight.schemas.TickMarker t
                                && t.getTick() == tick)
                        .mapToLong(PipelineDriver.Output::offset).findFirst().orElseThrow();
                assertThat(o.offset()).isLessThan(markerOffset);
            }
        }
    }

    /**
     * Each committed transaction leaves a commit marker (a control record) on every partition it wrote,
     * so a partition's end offset is its records plus one per transaction: one per tick.
     */
    private static void assertTransactional(TestKafka kafka, ActuatorTopics topics, PipelineDriver driver, int ticks) {
        try (KafkaConsumer<byte[], byte[]> uncommitted = PipelineDriver.reader(kafka.clientProperties(), "read_uncommitted")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < driver.partitions(); p++) {
                partitions.add(new TopicPartition(topics.commands(), p));
            }
            Map<TopicPartition, Long> end = uncommitted.endOffsets(partitions);
            Map<Integer, Long> records = driver.committedOutputs().stream()
                    .collect(Collectors.groupingBy(PipelineDriver.Output::partition, Collectors.counting()));
            for (TopicPartition tp : partitions) {
                assertThat(end.get(tp)).as("end offset of %s", tp).isEqualTo(records.get(tp.partition()) + ticks);
            }
        }
    }

    private static void assertOffsetsCommittedPastTheLastMarkers(Admin admin, ActuatorTopics topics, String groupId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp,
                tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
        for (String topic : List.of(topics.predictions(), topics.clusterState())) {
            for (int p = 0; p < 2; p++) {
                TopicPartition tp = new TopicPartition(topic, p);
                assertThat(committed.get(tp)).as("committed offset of %s", tp).isNotNull();
                assertThat(committed.get(tp).offset()).as("%s consumed through its last marker", tp).isEqualTo(ends.get(tp).offset());
            }
        }
    }

    private static void assertDeadLetter(TestKafka kafka, ActuatorTopics topics) {
        try (KafkaConsumer<byte[], byte[]> reader = PipelineDriver.reader(kafka.clientProperties(), "read_committed")) {
            List<TopicPartition> partitions = reader.partitionsFor(topics.deadLetters()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(letters::add);
                return !letters.isEmpty();
            });
            ConsumerRecord<byte[], byte[]> letter = letters.get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("BAD_HEADER");
            assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("actuator");
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(topics.predictions());
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
