package dev.foresight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.broker.testing.KafkaBrokerExtension;
import dev.foresight.broker.testing.TestKafka;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(KafkaBrokerExtension.class)
class ForesightCommandTest {

    record Run(int exitCode, String out, String err) {}

    /** Runs the command with stdout and stderr captured (picocli and our own printing both go there). */
    static Run run(String... args) {
        var previousOut = System.out;
        var previousErr = System.err;
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true));
        System.setErr(new java.io.PrintStream(err, true));
        try {
            CommandLine cl = ForesightCommand.commandLine();
            cl.setOut(new PrintWriter(System.out, true));
            cl.setErr(new PrintWriter(System.err, true));
            int code = cl.execute(args);
            cl.getOut().flush();
            cl.getErr().flush();
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("broker", "topics", "Usage: foresight");
    }

    @Test
    void noCommandsHelpPrintsAWarning() {
        // an unescaped '%' in a description once made 'foresight train --help' print a picocli WARN
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
        collect(ForesightCommand.commandLine(), new java.util.ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(15);
        for (java.util.List<String> path : paths) {
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s --help", path).isZero();
            assertThat(r.err()).as("%s --help", path).doesNotContain("WARN");
            assertThat(r.out()).as("%s --help", path).doesNotContain("%n").contains("Usage:");
        }
    }

    private static void collect(CommandLine command, java.util.List<String> path, java.util.List<java.util.List<String>> paths) {
        paths.add(java.util.List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias
            }
            java.util.List<String> deeper = new java.util.ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, paths);
        });
    }

    @Test
    void versionNamesFluentPartsAndLicense() {
        Run r = run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("foresight \\d+\\.\\d+\\.\\d+").contains("kafka 4.4.0", "GPL-3.0-or-later");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Run r = run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("a subcommand is required");
    }

    @Test
    void unknownOptionSaysWhichOne() {
        Run r = run("topics", "--partitons", "3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--partitons");
    }

    @Test
    void badNumberSaysWhichOptionAndValue() {
        Run r = run("topics", "--partitions", "many");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--partitions").contains("many");
    }

    @Test
    void invalidSettingIsAOneLineErrorNotAStackTrace() {
        Run r = run("topics", "--partitions", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("partitions must be >= 1").doesNotContain("\tat ");
    }

    @Test
    void createWithoutAClusterSaysHowToGiveOne() {
        Run r = run("topics", "--create", "--bootstrap-servers", "");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("--bootstrap-servers");
    }

    @Test
    void offSwitchesTurnThingsOff() {
        CommandLine cl = ForesightCommand.commandLine();
        DemoCommand demo = (DemoCommand) cl.parseArgs("demo", "--no-dashboard").subcommand().commandSpec().userObject();
        assertThat(demo.noDashboard).isTrue();
        BrokerCommand broker = (BrokerCommand) ForesightCommand.commandLine().parseArgs("broker", "--no-create-topics")
                .subcommand().commandSpec().userObject();
        assertThat(broker.noCreateTopics).isTrue();
        DemoCommand plain = (DemoCommand) ForesightCommand.commandLine().parseArgs("demo").subcommand().commandSpec().userObject();
        assertThat(plain.noDashboard).isFalse();
    }

    @Test
    void topicsListsTheCatalogue() {
        Run r = run("topics", "--prefix", "x.", "--partitions", "3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("x.telemetry", "x.dead-letters", "cleanup.policy=compact");
    }

    @Test
    void topicsCreateMakesThemOnARealBroker(TestKafka kafka) throws Exception {
        String prefix = kafka.uniquePrefix("cli");
        Run r = run("topics", "--create", "--bootstrap-servers", kafka.bootstrapServers(), "--prefix", prefix);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("created:");
        try (Admin admin = kafka.newAdmin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(prefix + "telemetry", prefix + "models");
        }
        assertThat(run("topics", "--create", "--bootstrap-servers", kafka.bootstrapServers(), "--prefix", prefix).out())
                .contains("already exist");
    }
}
