package dev.foresight.cli;

import dev.foresight.actuator.app.ActuatorApp;
import dev.foresight.actuator.app.ActuatorAppConfig;
import dev.foresight.actuator.app.ActuatorTopics;
import dev.foresight.actuator.app.ApprovalPublisher;
import dev.foresight.actuator.app.AuditReader;
import dev.foresight.actuator.audit.AuditEntry;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.MetricsOptions;
import dev.foresight.schemas.topics.TopicSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs the actuator, and lets an operator see and approve what it proposes. */
@Command(name = "actuator", mixinStandardHelpOptions = true,
        description = "Run the actuator (transactional, lockstep) until interrupted; 'pending', 'approve' and 'deny' for operators.",
        subcommands = {ActuatorCommand.Pending.class, ActuatorCommand.Approve.class, ActuatorCommand.Deny.class})
final class ActuatorCommand implements Callable<Integer> {

    /** Where the actuator's topics are. */
    static final class Target {
        @Mixin
        KafkaConnectionOptions kafka = new KafkaConnectionOptions();



        @Mixin
        TopicLayoutOptions layout = new TopicLayoutOptions();

        TopicSettings topics() {
            return layout.settings();
        }
    }

    @Mixin
    Target target = new Target();

    @Option(names = "--automation", defaultValue = "AUTOMATIC",
            description = "recommend, approve or automatic (default: ${DEFAULT-VALUE}).")
    Automation automation;

    @Option(names = "--application-id", defaultValue = ActuatorAppConfig.DEFAULT_APPLICATION_ID,
            description = "Consumer group and transactional id; one running instance per id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--tick-seconds", defaultValue = "60", description = "Simulated length of a tick (default: ${DEFAULT-VALUE}).")
    long tickSeconds;

    @Option(names = "--actuation-lag", defaultValue = "0", description = "Ticks between a decision and its effect (default: ${DEFAULT-VALUE}).")
    int actuationLag;


    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        ActuatorSettings settings = ActuatorSettings.defaults().withAutomation(automation).withTickSeconds(tickSeconds)
                .withActuationLagTicks(actuationLag);
        try (ComponentMetrics metrics = metricsOptions.open("actuator")) {
            ActuatorApp app = new ActuatorApp(ActuatorAppConfig.defaults(metrics.instrument(target.kafka.clientProperties()))
                    .withTopics(target.topics()).withApplicationId(applicationId)
                    .withSettings(settings));
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "foresight-actuator-shutdown"));
            System.out.println("actuator " + applicationId + " (" + automation + ") on " + target.layout.prefix() + "* (Ctrl-C to stop)");
            app.run();
            if (app.failure().isPresent()) {
                System.err.println("actuator stopped: " + app.failure().get());
                return 1;
            }
        }
        return 0;
    }

    @Command(name = "pending", mixinStandardHelpOptions = true, description = "List commands awaiting an operator's approval.")
    static final class Pending implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Override
        public Integer call() {
            List<AuditEntry> waiting = AuditReader.awaitingApproval(target.kafka.clientProperties(),
                    ActuatorTopics.of(target.topics()), Duration.ofSeconds(30));
            if (waiting.isEmpty()) {
                System.out.println("nothing awaits approval");
            }
            waiting.forEach(entry -> System.out.println(entry));
            return 0;
        }
    }

    /** Shared by approve and deny. */
    abstract static class Answer implements Callable<Integer> {
        @Mixin
        Target target = new Target();

        @Parameters(index = "0", paramLabel = "COMMAND_ID", description = "The id of the pending command (see 'pending').")
        String commandId;

        @Option(names = "--operator", defaultValue = "${env:USER:-operator}", description = "Who answers (default: $USER).")
        String operator;

        @Option(names = "--note", defaultValue = "", description = "Why, for the audit trail.")
        String note;

        abstract void answer(ApprovalPublisher publisher);

        @Override
        public Integer call() {
            try (ApprovalPublisher publisher = new ApprovalPublisher(target.kafka.clientProperties(),
                    ActuatorTopics.of(target.topics()), Duration.ofSeconds(30))) {
                answer(publisher);
            }
            System.out.println("answer for " + commandId + " recorded; the actuator acts on it at its next tick");
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending command.")
    static final class Approve extends Answer {
        @Override
        void answer(ApprovalPublisher publisher) {
            publisher.approve(commandId, operator, note);
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Deny a pending command.")
    static final class Deny extends Answer {
        @Override
        void answer(ApprovalPublisher publisher) {
            publisher.deny(commandId, operator, note);
        }
    }
}
