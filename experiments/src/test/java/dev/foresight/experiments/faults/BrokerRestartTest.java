package dev.foresight.experiments.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.BrokerSettings;
import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cluster.TickReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only broker stops and starts again (same port, same data directory) twice while the closed loop
 * runs: after tick 60, a training tick, and after tick 121, the first tick scored by the released model, when
 * the actuator starts issuing commands. Every client (the simulator's transactional producer, the Streams app,
 * the actuator, the loop's readers) rides it out, nothing committed is lost, nothing is written twice: the
 * recording is byte-identical to the undisturbed run's (which ran on another broker).
 *
 * <p>Each restart waits for a quiet moment: the tick has gone round the loop and no transaction is open
 * ({@link FaultLoop#awaitQuiescent}). Restarting the broker under an open Streams transaction (as an earlier
 * version of this test did, at random points of the commit) left, about one run in eight on a loaded 2-core
 * machine, a hanging transaction in Kafka 4.4.0: the coordinator listed every transaction as CompleteCommit,
 * yet 16 partitions the Streams producer had written kept their last stable offset below their end, so every
 * read_committed reader stalled for good. That is a broker-side recovery gap (KIP-664's
 * {@code kafka-transactions.sh find-hanging} and {@code abort} are the operator's way out), not something a
 * client can ride out; see the README's Reliability section.
 *
 * <p>This run has its own embedded broker, whatever {@code FORESIGHT_BOOTSTRAP} says: the test must own the
 * broker it restarts.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BrokerRestartTest {

    @Test
    void brokerRestartsMidRunLoseNothing(TestKafka kafka, @TempDir Path dir) throws Exception {
        FaultLoop.Result reference = References.undisturbed(kafka);
        Path data = dir.resolve("kafka-data");
        AtomicReference<EmbeddedKafkaBroker> broker = new AtomicReference<>(
                EmbeddedKafkaBroker.start(BrokerSettings.defaults().withDataDir(data)));
        String bootstrap = broker.get().bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        List<Long> restartedAt = new ArrayList<>();
        try {
            FaultLoop.Faults faults = new FaultLoop.Faults() {
                @Override
                public void afterTick(TickReport report, FaultLoop loop) throws Exception {
                    if (report.tick() == 60 || report.tick() == 121) {
                        loop.awaitQuiescent(report.tick());
                        broker.get().close();
                        broker.set(EmbeddedKafkaBroker.start(BrokerSettings.defaults().withPort(port).withDataDir(data)));
                        restartedAt.add(report.tick());
                    }
                }
            };
            FaultLoop.Result result = References.loop(broker.get().clientProperties(), "restart.", dir.resolve("run"))
                    .run(faults);

            assertThat(restartedAt).containsExactly(60L, 121L);
            assertThat(broker.get().bootstrapServers()).isEqualTo(bootstrap);
            assertThat(result.counts()).isEqualTo(reference.counts());
            assertThat(result.checksums()).isEqualTo(reference.checksums());
        } finally {
            broker.get().close();
        }
    }
}
