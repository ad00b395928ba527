package dev.foresight.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The in-process engine is only useful if it is the same experiment: identical recordings to the byte. */
@ExtendWith(KafkaBrokerExtension.class)
class EngineEquivalenceTest {

    @Test
    void kafkaAndInProcessEnginesRecordTheSameBytes(TestKafka kafka, @TempDir Path dir) throws Exception {
        List<Policy> policies = List.of(Policy.PERIODIC, Policy.ORACLE, Policy.PROACTIVE);
        ExperimentOptions base = ExperimentOptions.defaults(dir.resolve("kafka")).withPolicies(policies).withPartitions(1);
        var onKafka = new ExperimentRunner(base.withKafka(kafka.clientProperties())).run(ExperimentRunnerTest.tiny(), 11);
        var inProcess = new ExperimentRunner(base.withEngine(Engine.INPROCESS).withOutputDir(dir.resolve("inprocess")))
                .run(ExperimentRunnerTest.tiny(), 11);
        for (int i = 0; i < policies.size(); i++) {
            RunResult k = onKafka.runs().get(i);
            RunResult p = inProcess.runs().get(i);
            assertThat(p.recordCounts()).as(k.label()).isEqualTo(k.recordCounts());
            assertThat(p.checksums()).as(k.label()).isEqualTo(k.checksums());
        }
        // the oracle run acted: commands were decided and recorded on both engines
        assertThat(onKafka.runs().get(1).recordCounts().get("commands.avro")).isPositive();
    }
}
