package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.TickReport;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.CommandStatus;
import dev.foresight.schemas.CommandType;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.codec.DeadLetterHeaders;
import dev.foresight.schemas.topics.TopicRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records that are no command the actuator decided are written onto the commands topic while the whole
 * closed loop runs (real actuator, real Streams app). They used to stop the simulator at the first poll
 * ({@code Error deserializing VALUE}) and the loop waited forever. Now every one reaches the dead-letter
 * topic with its reason, the invalid commands whose id can be read get a REJECTED result, the run
 * finishes, and the recording is byte-identical to the undisturbed run's: the cluster model never saw them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MalformedCommandsTest {

    static final long INJECTED_AFTER_TICK = 40;

    /** The ways a commands-topic record can be wrong, and the reason the simulator must give. */
    enum Malformation {
        NOT_AVRO("BAD_HEADER"),
        TRUNCATED_COMMAND("CORRUPT_DATUM"),
        TELEMETRY_ON_COMMANDS("WRONG_TYPE"),
        NO_VALUE("NULL_VALUE"),
        NEGATIVE_TICK("INVALID_VALUE"),
        LATE_COMMAND("LATE_COMMAND"),
        MARKER_FOR_ANOTHER_PARTITION("MISROUTED_MARKER");

        final String reason;

        Malformation(String reason) {
            this.reason = reason;
        }

        /** Whether the simulator answers it with a REJECTED result: a decoded command with an id. */
        boolean answered() {
            return this == NEGATIVE_TICK || this == LATE_COMMAND;
        }

        String commandId() {
            return "injected-" + name().toLowerCase(java.util.Locale.ROOT);
        }

        ProducerRecord<byte[], byte[]> record(String topic, int partition, int partitions, long tick, Instant time) {
            // the subject names no node of the cluster: even a command that got through could not change it
            Command command = Command.newBuilder().setCommandId(commandId()).setTimestamp(time).setTick(tick + 1)
                    .setType(CommandType.QUARANTINE).setSubject("node-9999").setReason("fault injection").build();
            byte[] value = switch (this) {
                case NOT_AVRO -> "{\"quarantine\":\"everything\"}".getBytes(StandardCharsets.UTF_8);
                case TRUNCATED_COMMAND -> Arrays.copyOf(AvroCodec.encode(command), 14);
                case TELEMETRY_ON_COMMANDS -> AvroCodec.encode(new NodeTelemetry("node-0001", time, tick, Map.of("cpu_util", 0.5), "fault-injection"));
                case NO_VALUE -> null;
                case NEGATIVE_TICK -> AvroCodec.encode(Command.newBuilder(command).setTick(-1).build());
                case LATE_COMMAND -> AvroCodec.encode(Command.newBuilder(command).setTick(tick - 5).build());
                case MARKER_FOR_ANOTHER_PARTITION ->
                        AvroCodec.encode(new TickMarker("actuator", tick + 1, (partition + 1) % partitions, partitions, time));
            };
            return new ProducerRecord<>(topic, partition, time.toEpochMilli(), "node-9999".getBytes(StandardCharsets.UTF_8), value);
        }
    }

    @Test
    void recordsThatAreNoCommandAreDeadLetteredAnsweredAndChangeNothing(TestKafka kafka, @TempDir Path dir) throws Exception {
        FaultLoop.Result reference = References.undisturbed(kafka);
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Map<String, Malformation> injected = new TreeMap<>(); // "partition@offset" -> kind
        long[] lag = new long[1];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            FaultLoop.Faults faults = new FaultLoop.Faults() {
                @Override
                public void afterTick(TickReport report, FaultLoop loop) throws Exception {
                    if (report.tick() != INJECTED_AFTER_TICK) {
                        return;
                    }
                    lag[0] = loop.scenario().actuationLagTicks();
                    // the actuator has closed this tick and cannot close the next before the simulator publishes it:
                    // the records sit in the next tick's slot of their partition on every run
                    loop.awaitQuiescent(report.tick());
                    String topic = loop.topics().name(TopicRole.COMMANDS);
                    int partitions = loop.topics().settings().partitions();
                    Instant time = Instant.ofEpochMilli(report.timeMillis());
                    for (Malformation kind : Malformation.values()) {
                        int partition = kind.ordinal() % partitions;
                        RecordMetadata meta = producer.send(kind.record(topic, partition, partitions, report.tick(), time)).get();
                        injected.put(meta.partition() + "@" + meta.offset(), kind);
                    }
                }
            };
            FaultLoop.Result result = References.loop(kafka.clientProperties(), kafka.uniquePrefix("badcommands"), dir).run(faults);

            assertThat(injected).hasSize(Malformation.values().length);
            assertThat(result.counts()).as("the run finished, with the records of the undisturbed run").isEqualTo(reference.counts());
            assertThat(result.checksums()).as("byte-identical recording: the cluster model never saw them").isEqualTo(reference.checksums());

            List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.readCommitted(kafka.clientProperties(),
                    result.topics().name(TopicRole.DEAD_LETTERS));
            assertThat(letters).hasSize(injected.size());
            String commands = result.topics().name(TopicRole.COMMANDS);
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                String source = header(letter, DeadLetterHeaders.PARTITION) + "@" + header(letter, DeadLetterHeaders.OFFSET);
                Malformation kind = injected.get(source);
                assertThat(kind).as("dead letter %s names an injected record", source).isNotNull();
                assertThat(header(letter, DeadLetterHeaders.REASON)).as(kind.name()).isEqualTo(kind.reason);
                assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(commands);
                assertThat(header(letter, DeadLetterHeaders.STAGE)).isEqualTo("simulator");
                assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank();
                assertThat(letter.key()).isEqualTo("node-9999".getBytes(StandardCharsets.UTF_8));
            }

            List<CommandResult> results = TopicContents.readCommitted(kafka.clientProperties(), result.topics().name(TopicRole.COMMAND_RESULTS))
                    .stream().filter(r -> r.value() != null).map(r -> AvroCodec.decodeAny(r.value()))
                    .filter(CommandResult.class::isInstance).map(CommandResult.class::cast)
                    .filter(r -> r.getCommandId().startsWith("injected-")).toList();
            for (Malformation kind : Malformation.values()) {
                if (kind.answered()) {
                    assertThat(results).filteredOn(r -> r.getCommandId().equals(kind.commandId())).singleElement().satisfies(r -> {
                        assertThat(r.getStatus()).isEqualTo(CommandStatus.REJECTED);
                        assertThat(r.getReason()).startsWith(kind.reason);
                        assertThat(r.getTick()).as("the slot's tick + 1 + lag").isEqualTo(INJECTED_AFTER_TICK + 1 + 1 + lag[0]);
                    });
                }
            }
            assertThat(results).as("only the commands with a readable id are answered").hasSize(2);
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
