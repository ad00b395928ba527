package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.actuator.app.ActuatorApp;
import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.TickReport;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.topics.TopicRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actuator app is restarted while the closed loop runs, twice around the ticks where it acts: at tick
 * 100 it is stopped and a new instance starts (it resumes from its committed state snapshot and offsets);
 * at tick 122, while it is issuing the commands of the first alarms, a second instance with the same id
 * starts before the first is stopped, fencing it. No command is lost or doubled: the commands topic holds
 * every command once, and the recording (commands, results and what followed from them) is byte-identical
 * to the undisturbed run's.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ActuatorRestartTest {

    @Test
    void restartedAndFencedActuatorsNeitherLoseNorDoubleACommand(TestKafka kafka, @TempDir Path dir) throws Exception {
        FaultLoop.Result reference = References.undisturbed(kafka);
        List<Command> expected = RecordingReader.readAll(reference.recording(), RecordingStream.COMMANDS, Command.class);
        assertThat(expected).as("commands are decided after the first restart").anyMatch(c -> c.getTick() > 100);
        List<ActuatorApp> stopped = new ArrayList<>();
        AtomicReference<ActuatorApp> last = new AtomicReference<>();
        FaultLoop.Faults faults = new FaultLoop.Faults() {
            @Override
            public void afterTick(TickReport report, FaultLoop loop) {
                if (report.tick() == 100) {
                    stopped.add(loop.actuator());
                    last.set(loop.restartActuator());
                } else if (report.tick() == 122) {
                    stopped.add(loop.actuator());
                    last.set(loop.replaceActuatorWhileRunning());
                }
            }
        };

        FaultLoop.Result result = References.loop(kafka.clientProperties(), kafka.uniquePrefix("actuator-restart"), dir).run(faults);

        assertThat(stopped).hasSize(2).doesNotContain(last.get());
        assertThat(last.get().failure()).isEmpty();
        // on the topic: every command once, and one actuator marker per tick and partition
        List<Command> onTopic = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicContents.readCommitted(kafka.clientProperties(),
                result.topics().name(TopicRole.COMMANDS))) {
            SpecificRecord value = AvroCodec.decodeAny(record.value());
            if (value instanceof Command command) {
                onTopic.add(command);
            } else if (value instanceof TickMarker marker) {
                markers.add(marker.getTick() + "/" + marker.getPartition());
            }
        }
        assertThat(onTopic).extracting(Command::getCommandId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Command::getCommandId).toList());
        assertThat(markers).doesNotHaveDuplicates();
        // in the loop: the same commands, applied at the same ticks, with the same consequences
        assertThat(RecordingReader.readAll(result.recording(), RecordingStream.COMMANDS, Command.class)).isEqualTo(expected);
        assertThat(result.checksums()).isEqualTo(reference.checksums());
    }
}
