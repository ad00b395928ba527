package dev.foresight.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeFingerprintTest {

    @Test
    void theClassesThatMakeARunCountAndThoseThatOnlyReadResultsDoNot() {
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/cluster/ClusterSimulation.class")).isTrue();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/streams/ForesightTopology.class")).isTrue();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/experiments/InProcessPolicyRun.class")).isTrue();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/experiments/sweep/StoredRun.class")).isTrue();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/experiments/report/ExperimentReport.class")).isFalse();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/experiments/sweep/summary/SweepReport.class")).isFalse();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/experiments/sweep/SweepProgress$InFlight.class")).isFalse();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/experiments/sweep/SweepPlan.class"))
                .as("the plan makes the options every run is made with").isTrue();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/cli/SweepCommand.class")).isFalse();
        assertThat(CodeFingerprint.decidesRuns("dev/foresight/cluster/scenarios.yaml")).isFalse();
        assertThat(CodeFingerprint.decidesRuns("org/apache/kafka/streams/KafkaStreams.class")).isFalse();
    }

    @Test
    void theRunningCodeHasOneStableFingerprint() {
        String f = CodeFingerprint.current();

        assertThat(f).matches("[0-9a-f]{64}");
        assertThat(CodeFingerprint.current()).isEqualTo(f);
    }
}
