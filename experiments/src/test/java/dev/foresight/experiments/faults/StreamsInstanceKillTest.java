package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.TickReport;
import dev.foresight.streams.StreamsApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka Streams instances die and are replaced while the closed loop runs; with exactly-once v2 and the
 * lockstep markers, the recording (telemetry, events, predictions, commands, results) is byte-identical to
 * the undisturbed run's.
 *
 * <p>Schedule (150 ticks; the scoring starts from the history model, version 0; the trainer decides at 0, 60 and 120):
 * <ol>
 *   <li>tick 40: a second instance B joins the group, with an empty state directory (what it is given
 *       restores from the changelogs);</li>
 *   <li>tick 120, the training tick, just after the simulator published it: the first instance A crashes: its
 *       stream thread is interrupted wherever it is (usually mid-transaction) and dies without committing or
 *       leaving the group. It is restarted on its own state directory, as an orchestrator restarts a crashed
 *       instance with its volume: same process id, same transactional id, so its first {@code initTransactions}
 *       aborts the transaction the crash left open, and the group reassigns A's tasks once its old member's
 *       session expires;</li>
 *   <li>tick 135: a third instance C joins and B shuts down cleanly, leaving the group (a planned hand-over).</li>
 * </ol>
 * Why the restart: an instance with another process id cannot abort the dead instance's transaction; it must
 * wait for the transaction coordinator to time it out ({@code StreamsApp.TRANSACTION_TIMEOUT}, 2 minutes), during
 * which the last stable offset of every partition the transaction touched, and the successor's committed-offset
 * fetch, stay blocked: the loop stalls for up to that long (correct, but beyond a CI time budget).
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsInstanceKillTest {

    @Test
    void crashedAndReplacedStreamsInstancesLeaveTheRecordingByteIdentical(TestKafka kafka, @TempDir Path dir) throws Exception {
        FaultLoop.Result reference = References.undisturbed(kafka);
        AtomicReference<StreamsApp> crashed = new AtomicReference<>();
        AtomicReference<StreamsApp> restarted = new AtomicReference<>();
        AtomicReference<StreamsApp> second = new AtomicReference<>();
        AtomicReference<StreamsApp> third = new AtomicReference<>();
        AtomicReference<Set<String>> crashedThreads = new AtomicReference<>();
        AtomicReference<Set<String>> restartedThreads = new AtomicReference<>();
        FaultLoop.Faults faults = new FaultLoop.Faults() {
            @Override
            public void afterTick(TickReport report, FaultLoop loop) throws Exception {
                if (report.tick() == 40) {
                    second.set(loop.startStreamsInstance());
                } else if (report.tick() == 120) {
                    StreamsApp first = loop.streamsInstances().get(0);
                    loop.forget(first); // its death is the fault, not a failure of the run
                    crashed.set(first);
                    crashedThreads.set(crash(first));
                    first.failure().get(30, TimeUnit.SECONDS); // dead, and its threads are gone
                    first.close(); // releases the state directory (nothing is left to close cleanly)
                    restarted.set(loop.startStreamsInstance(first.settings().stateDir()));
                } else if (report.tick() == 135) {
                    restartedThreads.set(threadNames(restarted.get()));
                    third.set(loop.startStreamsInstance());
                    loop.forget(second.get());
                    second.get().streams().close(CloseOptions.groupMembershipOperation(
                            CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30)));
                }
            }
        };

        FaultLoop.Result result = References.loop(kafka.clientProperties(), kafka.uniquePrefix("streams-kill"), dir).run(faults);

        // the faults happened as scheduled ...
        assertThat(crashed.get().failure()).as("the crashed instance died of the injected interrupt").isDone();
        assertThat(causes(crashed.get().failure().join())).as("what killed it")
                .anyMatch(t -> t instanceof InterruptedException || t instanceof InterruptException);
        assertThat(restarted.get().failure()).isNotDone();
        assertThat(restartedThreads.get()).as("same process id (kept on its disk), so same transactional ids")
                .isEqualTo(crashedThreads.get());
        assertThat(second.get().streams().state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
        assertThat(third.get().failure()).isNotDone();
        // ... and changed nothing
        assertThat(result.counts()).isEqualTo(reference.counts());
        assertThat(result.checksums()).isEqualTo(reference.checksums());
    }

    static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    /** Interrupts every stream thread of the instance: each dies wherever it is, as in a crash. Returns their names. */
    static Set<String> crash(StreamsApp app) {
        Set<String> names = threadNames(app);
        assertThat(names).isNotEmpty();
        Thread.getAllStackTraces().keySet().stream().filter(t -> names.contains(t.getName())).forEach(Thread::interrupt);
        return names;
    }

    /** Stream thread names: {@code <application id>-<process id>-StreamThread-<n>}. */
    static Set<String> threadNames(StreamsApp app) {
        return app.streams().metadataForLocalThreads().stream().map(ThreadMetadata::threadName).collect(Collectors.toSet());
    }
}
