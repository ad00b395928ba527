package dev.foresight.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.broker.BrokerSettings;
import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.cli.ForesightCommand;
import dev.foresight.cli.deploy.ComposeFile.Service;
import dev.foresight.cli.support.FreePort;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The compose file's secure profile, on one embedded broker: the security settings of deploy/secure/cluster.env,
 * the principals and ACLs secure-setup creates (deploy/secure/principals.txt, acls.txt), the client files the
 * services use (deploy/secure/clients), and the services' own command lines from docker-compose.yml. The whole
 * closed loop runs with each component under its own principal, and a principal cannot write what is not its job.
 */
class SecureProfileTest {

    private static final String SCENARIO = """
            name: secure-loop
            seed: 9
            nodes: 8
            racks: 2
            durationTicks: 15
            """;

    private static EmbeddedKafkaBroker broker;
    private static String clientListener;

    @BeforeAll
    static void startTheSecureBroker() throws Exception {
        Map<String, String> env = SecureProfile.serverProperties(RepositoryFiles.secure("cluster.env"));
        Map<String, String> security = new HashMap<>();
        env.forEach((k, v) -> {
            if (SecureProfile.isSecuritySetting(k)) {
                security.put(k, v);
            }
        });
        // the listener names of cluster.env, on loopback ports: the components' listener (the one the compose services
        // bootstrap from), the inter-broker one (where the admin works, as in compose) and the controller's
        String components = listenerNamed(env.get("listeners"), composeClientPort());
        String interBroker = env.get("inter.broker.listener.name");
        String controller = env.get("controller.listener.names");
        assertThat(List.of(components, interBroker, controller)).doesNotHaveDuplicates().doesNotContainNull();
        clientListener = "127.0.0.1:" + FreePort.pick();
        security.put("listeners", components + "://" + clientListener + "," + interBroker + "://${HOST}:${BROKER_PORT},"
                + controller + "://${HOST}:${CONTROLLER_PORT}");
        security.put("advertised.listeners", components + "://" + clientListener + "," + interBroker + "://${HOST}:${BROKER_PORT}");
        assertThat(security).containsEntry("allow.everyone.if.no.acl.found", "false").containsKey("authorizer.class.name");

        Map<String, Object> admin = clientFile("admin.properties");
        broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults().withSecurity(security, admin, List.of()));
        try (Admin setup = Admin.create(broker.clientProperties())) {
            createPrincipals(setup);
            createAcls(setup);
        }
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void thePipelineRunsWithEachComponentUnderItsOwnPrincipal(@TempDir Path dir) throws Exception {
        ComposeFile compose = ComposeFile.read(RepositoryFiles.compose());
        Path scenario = Files.writeString(dir.resolve("secure-loop.yaml"), SCENARIO);
        String admin = broker.bootstrapServers();
        assertThat(run(local(compose.services().get("secure-topics"), admin, scenario, dir))).as("topic setup as admin").isZero();

        List<Thread> services = new ArrayList<>();
        AtomicInteger simulated = new AtomicInteger(-1);
        try {
            for (String name : List.of("secure-streams-1", "secure-actuator")) {
                List<String> args = local(compose.services().get(name), clientListener, scenario, dir);
                Thread service = new Thread(() -> runUntilInterrupted(args), name);
                service.start();
                services.add(service);
            }
            List<String> simulate = local(compose.services().get("secure-simulator"), clientListener, scenario, dir);
            Thread simulator = new Thread(() -> simulated.set(run(simulate)), "secure-simulator");
            simulator.start();
            simulator.join(Duration.ofSeconds(120).toMillis());
            assertThat(simulated.get()).as("the closed loop ran to the end of the scenario").isZero();
        } finally {
            for (Thread service : services) {
                service.interrupt();
                service.join(Duration.ofSeconds(30).toMillis());
            }
        }
    }

    @Test
    void onlyTheActuatorWritesCommandsAndTheAgentOnlyTelemetry() throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("foresight.telemetry", 1, (short) 1),
                    new org.apache.kafka.clients.admin.NewTopic("foresight.commands", 1, (short) 1)))
                    .values().values().forEach(f -> {
                        try {
                            f.get(30, TimeUnit.SECONDS);
                        } catch (Exception alreadyThere) {
                            // the other test may have created the catalogue already
                        }
                    });
        }
        assertThat(send("agent", "foresight.telemetry")).isNotNegative();
        assertThat(send("actuator", "foresight.commands")).isNotNegative();
        for (String principal : List.of("agent", "simulator", "streams")) {
            assertThatThrownBy(() -> send(principal, "foresight.commands")).as(principal)
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        // the dashboard may write nothing at all: it cannot even start an idempotent producer
        for (String topic : List.of("foresight.commands", "foresight.telemetry")) {
            assertThatThrownBy(() -> send("dashboard", topic)).as(topic).cause().isInstanceOf(AuthorizationException.class);
        }
    }

    /** The service's command line from docker-compose.yml, pointed at this broker and sized for a test. */
    private static List<String> local(Service service, String bootstrap, Path scenario, Path dir) {
        List<String> args = new ArrayList<>();
        List<String> command = service.command();
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            String next = i + 1 < command.size() ? command.get(i + 1) : null;
            switch (arg) {
                case "--bootstrap-servers" -> { args.add(arg); args.add(bootstrap); i++; }
                case "--client-config" -> { args.add(arg); args.add(RepositoryFiles.secure("clients").resolve(Path.of(next).getFileName()).toString()); i++; }
                case "--state-dir" -> { args.add(arg); args.add(dir.resolve(service.name()).toString()); i++; }
                case "--replication-factor" -> { args.add(arg); args.add("1"); i++; }
                case "--ms-per-tick" -> { args.add(arg); args.add("0"); i++; }
                case "--metrics-port", "--metrics-host" -> i++; // several services share this JVM
                case "small" -> args.add(scenario.toString());
                default -> args.add(arg);
            }
        }
        if (args.get(0).equals("simulate")) {
            args.addAll(List.of("--tick-timeout-seconds", "60")); // a missing ACL stalls the loop: fail within the test's wait
        }
        return args;
    }

    /** Runs a command that ends on its own; says why when it fails. */
    private static int run(List<String> args) {
        CommandLine cl = ForesightCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            System.err.println("foresight " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return code;
    }

    /** Runs a service until the test interrupts it (it then exits non-zero, which is expected). */
    private static void runUntilInterrupted(List<String> args) {
        CommandLine cl = ForesightCommand.commandLine();
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute(args.toArray(String[]::new));
    }

    private static long send(String principal, String topic) throws Exception {
        Map<String, Object> props = clientFile(principal + ".properties");
        props.put("bootstrap.servers", clientListener);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, "node-1", "x")).get(30, TimeUnit.SECONDS).offset();
        }
    }

    /** What secure-setup does with kafka-configs.sh: a SCRAM-SHA-512 credential per principal. */
    private static void createPrincipals(Admin admin) throws Exception {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> users = new ArrayList<>();
        AclFile.principals(RepositoryFiles.secure("principals.txt")).forEach((name, password) -> users.add(
                new UserScramCredentialUpsertion(name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)));
        admin.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
    }

    /** What secure-setup does with kafka-acls.sh. */
    private static void createAcls(Admin admin) throws Exception {
        List<AclBinding> bindings = new ArrayList<>();
        for (AclFile.Rule rule : AclFile.rules(RepositoryFiles.secure("acls.txt"))) {
            ResourceType type = switch (rule.resource()) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
                default -> throw new IllegalArgumentException("unknown resource in " + rule);
            };
            PatternType pattern = rule.pattern().equals("prefixed") ? PatternType.PREFIXED : PatternType.LITERAL;
            for (String operation : rule.operations()) {
                bindings.add(new AclBinding(new ResourcePattern(type, rule.name(), pattern), new AccessControlEntry(
                        "User:" + rule.principal(), "*", AclOperation.fromString(operation), AclPermissionType.ALLOW)));
            }
        }
        admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
    }

    private static Map<String, Object> clientFile(String name) throws Exception {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(RepositoryFiles.secure("clients").resolve(name))) {
            p.load(in);
        }
        Map<String, Object> props = new HashMap<>();
        p.forEach((k, v) -> props.put(k.toString(), v.toString()));
        return props;
    }

    /** The port the secure services bootstrap from, in docker-compose.yml. */
    private static String composeClientPort() throws Exception {
        ComposeFile compose = ComposeFile.read(RepositoryFiles.compose());
        List<String> command = compose.services().get("secure-streams-1").command();
        String servers = command.get(command.indexOf("--bootstrap-servers") + 1);
        return servers.split(",")[0].split(":")[1];
    }

    private static String listenerNamed(String listeners, String port) {
        for (String listener : listeners.split(",")) {
            if (listener.endsWith(":" + port)) {
                return listener.substring(0, listener.indexOf("://"));
            }
        }
        return null;
    }
}
