package dev.foresight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import dev.foresight.cli.ForesightCommandTest.Run;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The operations options on the commands: metrics and dashboard ports, and what the demo says it serves. */
@ExtendWith(KafkaBrokerExtension.class)
class DeploymentOptionsTest {

    @Test
    void everyLongRunningCommandTakesAMetricsPort() {
        for (String command : new String[] {"demo", "experiment run", "simulate", "streams", "actuator", "dashboard"}) {
            String[] args = (command + " --help").split(" ");
            Run r = ForesightCommandTest.run(args);
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).contains("--metrics-port=PORT", "--metrics-host=ADDRESS", "default: off");
        }
        assertThat(ForesightCommandTest.run("--help").out()).contains("dashboard");
        assertThat(ForesightCommandTest.run("dashboard", "--help").out()).contains("--dashboard-port=PORT", "default: 8080",
                "--dashboard-host=ADDRESS", "default: 127.0.0.1", "--prefix");
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorNamingTheOption() {
        Run metrics = ForesightCommandTest.run("streams", "--metrics-port", "70000");
        assertThat(metrics.exitCode()).isEqualTo(2);
        assertThat(metrics.err()).contains("--metrics-port must be 0 (any free port) or 1..65535, got 70000");
        Run dashboard = ForesightCommandTest.run("demo", "--dashboard-port", "-1");
        assertThat(dashboard.exitCode()).isEqualTo(2);
        assertThat(dashboard.err()).contains("--dashboard-port must be 0 (any free port) or 1..65535, got -1");
    }

    @Test
    void aDashboardPortInUseIsAnErrorNamingTheOption(TestKafka kafka) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run r = ForesightCommandTest.run("dashboard", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--prefix", kafka.uniquePrefix("busy"), "--dashboard-port", Integer.toString(taken.getLocalPort()));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("--dashboard-port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void theDemoSaysWhereItsDashboardAndMetricsAre(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("tiny.yaml"), """
                name: tiny
                seed: 2
                nodes: 8
                racks: 2
                durationTicks: 20
                """);
        Run r = ForesightCommandTest.run("demo", "--scenario", scenario.toString(), "--policies", "NO_PROTECTION",
                "-o", dir.resolve("out").toString(), "--dashboard-port", "0", "--metrics-port", "0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("dashboard: http://127\\.0\\.0\\.1:\\d+/")
                .containsPattern("metrics: http://127\\.0\\.0\\.1:\\d+/metrics").contains("no-protection", "report:");
        assertThat(dir.resolve("out/report.html")).exists();
    }
}
