package dev.foresight.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.foresight.actuator.app.ActuatorTopics;
import dev.foresight.cli.ForesightCommand;
import dev.foresight.cli.deploy.ComposeFile.Service;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.topics.TopicSpec;
import dev.foresight.streams.ForesightTopology;
import dev.foresight.streams.StreamsSettings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * docker-compose.yml and what it refers to stay in step with the code: Docker Compose accepts the file (offline,
 * with Debian's docker-compose), every Foresight service runs a command line the CLI parses, the services of a
 * stack agree on the topics, the ACLs of the secure profile name only what the pipeline uses, and Prometheus
 * scrapes every metered service.
 */
class ComposeFileTest {

    private static final Set<String> PIPELINE_COMMANDS = Set.of("topics", "simulate", "streams", "actuator", "dashboard");

    private static ComposeFile compose;

    @BeforeAll
    static void readComposeFile() throws Exception {
        compose = ComposeFile.read(RepositoryFiles.compose());
    }

    @Test
    void dockerComposeAcceptsTheFileOffline() throws Exception {
        Path binary = onPath("docker-compose");
        assumeTrue(binary != null, "docker-compose is not installed (Debian: apt-get install docker-compose); "
                + "skipping the offline validation of docker-compose.yml");
        for (List<String> profile : List.of(List.<String>of(), List.of("--profile", "secure"))) {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "-f", RepositoryFiles.compose().toString()));
            command.addAll(profile);
            command.addAll(List.of("config", "--quiet"));
            Process process = new ProcessBuilder(command).directory(RepositoryFiles.root().toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose config finished").isTrue();
            assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), output).isZero();
        }
    }

    @Test
    void everyForesightServiceRunsACommandTheCliParses() {
        List<Service> services = compose.services().values().stream().filter(Service::runsForesight).toList();
        assertThat(services).hasSizeGreaterThanOrEqualTo(2 * PIPELINE_COMMANDS.size() + 2);
        for (Service service : services) {
            assertThat(service.command()).as("%s has an exec-form command", service.name()).isNotEmpty();
            assertThatCode(() -> parse(service)).as("%s: foresight %s", service.name(), String.join(" ", service.command()))
                    .doesNotThrowAnyException();
            ParseResult command = parse(service);
            assertThat(command.commandSpec().name()).as(service.name()).isIn(PIPELINE_COMMANDS);
            // in a container, loopback is unreachable from anywhere else
            if (command.hasMatchedOption("--metrics-port")) {
                assertThat(value(command, "--metrics-host")).as("%s --metrics-host", service.name()).isEqualTo("0.0.0.0");
            }
            if (command.commandSpec().name().equals("dashboard")) {
                assertThat(value(command, "--dashboard-host")).as("%s --dashboard-host", service.name()).isEqualTo("0.0.0.0");
            }
        }
    }

    @Test
    void eachStackIsOnePipelineOnOneSetOfTopics() {
        assertThat(compose.stacks()).containsExactly("default", "secure");
        for (String stack : compose.stacks()) {
            List<Service> brokers = compose.stack(stack).stream().filter(Service::isKafkaBroker).toList();
            List<Service> foresight = compose.stack(stack).stream().filter(Service::runsForesight).toList();
            assertThat(brokers).as("brokers of stack %s", stack).hasSize(3);
            Set<String> listeners = advertisedListeners(brokers);

            Set<String> prefixes = foresight.stream().map(s -> value(parse(s), "--prefix")).collect(Collectors.toSet());
            assertThat(prefixes).as("one topic prefix in stack %s", stack).hasSize(1);
            assertThatCode(() -> TopicSettings.defaults().withPrefix(prefixes.iterator().next())).doesNotThrowAnyException();
            Set<String> partitions = foresight.stream().map(this::parse).filter(c -> c.commandSpec().findOption("--partitions") != null)
                    .map(c -> value(c, "--partitions")).collect(Collectors.toSet());
            assertThat(partitions).as("one partition count in stack %s", stack).hasSize(1);

            assertThat(commandsNamed(foresight, "topics")).as("topic setup of %s", stack).singleElement().satisfies(topics -> {
                assertThat(topics.hasMatchedOption("--create")).isTrue();
                assertThat(value(topics, "--replication-factor")).isEqualTo(Integer.toString(brokers.size()));
            });
            List<ParseResult> streams = commandsNamed(foresight, "streams");
            assertThat(streams).as("Streams instances of %s", stack).hasSizeGreaterThanOrEqualTo(2);
            assertThat(streams.stream().map(c -> value(c, "--application-id")).distinct()).as("they share the work").hasSize(1);
            assertThat(streams).allSatisfy(c -> assertThat(value(c, "--replication-factor")).isEqualTo("3"));
            assertThat(commandsNamed(foresight, "actuator")).hasSize(1)
                    .allSatisfy(c -> assertThat(value(c, "--replication-factor")).isEqualTo("3"));
            assertThat(commandsNamed(foresight, "simulate")).hasSize(1);
            assertThat(commandsNamed(foresight, "dashboard")).hasSize(1);

            for (Service service : foresight) {
                for (String server : value(parse(service), "--bootstrap-servers").split(",")) {
                    assertThat(listeners).as("%s bootstraps from a broker listener of its own stack", service.name()).contains(server);
                }
            }
        }
    }

    @Test
    void theSecureProfileAclsNameOnlyWhatThePipelineUses() throws Exception {
        List<Service> secure = compose.stack("secure").stream().filter(Service::runsForesight).toList();
        String prefix = value(parse(secure.get(0)), "--prefix");
        String streamsId = value(commandsNamed(secure, "streams").get(0), "--application-id");
        String actuatorId = value(commandsNamed(secure, "actuator").get(0), "--application-id");
        TopicSettings settings = TopicSettings.defaults().withPrefix(prefix);
        StreamsSettings streams = StreamsSettings.defaults().toBuilder().applicationId(streamsId).topics(settings).build();
        ActuatorTopics actuatorTopics = ActuatorTopics.of(settings);
        Set<String> topics = new TreeSet<>();
        TopicCatalogue.of(settings).all().stream().map(TopicSpec::name).forEach(topics::add);
        topics.addAll(List.of(actuatorTopics.audit(), actuatorTopics.approvals(), actuatorTopics.state(),
                ForesightTopology.trainerInputTopic(streams), ForesightTopology.modelBroadcastTopic(streams)));

        var principals = AclFile.principals(RepositoryFiles.secure("principals.txt"));
        for (AclFile.Rule rule : AclFile.rules(RepositoryFiles.secure("acls.txt"))) {
            assertThat(principals).as("principal of %s", rule).containsKey(rule.principal());
            assertThat(rule.operations()).as("operations of %s", rule)
                    .allSatisfy(op -> assertThat(AclOperation.fromString(op)).isNotEqualTo(AclOperation.UNKNOWN));
            assertThat(rule.pattern()).as(rule.toString()).isIn("literal", "prefixed");
            boolean prefixed = rule.pattern().equals("prefixed");
            switch (rule.resource()) {
                case "topic" -> assertThat(prefixed
                        ? topics.stream().anyMatch(t -> t.startsWith(rule.name())) || rule.name().equals(streamsId + "-")
                        : topics.contains(rule.name())).as("%s names a topic of the pipeline %s", rule, topics).isTrue();
                case "group" -> assertThat(rule.name()).as(rule.toString()).isIn(streamsId, actuatorId);
                case "transactional-id" -> assertThat(prefixed ? rule.name().equals(streamsId)
                        : rule.name().equals(prefix + "simulator") || rule.name().equals(actuatorId)).as(rule.toString()).isTrue();
                default -> throw new AssertionError("unknown resource type in " + rule);
            }
        }
        Set<String> commandWriters = AclFile.rules(RepositoryFiles.secure("acls.txt")).stream()
                .filter(r -> r.resource().equals("topic") && r.name().equals(TopicCatalogue.of(settings).name(TopicRole.COMMANDS)))
                .filter(r -> r.operations().contains("Write") || r.operations().contains("All"))
                .map(AclFile.Rule::principal).collect(Collectors.toSet());
        assertThat(commandWriters).as("only the actuator writes commands").containsExactly("actuator");

        for (Service service : secure) {
            String config = value(parse(service), "--client-config");
            assertThat(config).as("%s authenticates", service.name()).startsWith("/etc/foresight/secure/");
            Path file = RepositoryFiles.secure("clients").resolve(Path.of(config).getFileName());
            assertThat(file).as("%s's client config", service.name()).isRegularFile();
            String user = Files.readString(file).replaceAll("(?s).*username=\"([^\"]+)\".*", "$1");
            assertThat(user.equals("admin") || principals.containsKey(user)).as("%s logs in as a known principal", service.name()).isTrue();
        }
    }

    @Test
    void prometheusScrapesEveryMeteredService() throws Exception {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(RepositoryFiles.root().resolve("deploy/prometheus/prometheus.yml").toFile());
        Set<String> targets = new TreeSet<>();
        config.path("scrape_configs").forEach(job -> job.path("static_configs")
                .forEach(sc -> sc.path("targets").forEach(t -> targets.add(t.asText()))));
        Set<String> metered = new TreeSet<>();
        for (Service service : compose.stack("default")) {
            if (service.runsForesight() && parse(service).hasMatchedOption("--metrics-port")) {
                metered.add(service.name() + ":" + value(parse(service), "--metrics-port"));
            }
        }
        assertThat(metered).isNotEmpty();
        assertThat(targets).isEqualTo(metered);
    }

    /** Building the command tree is slow; each service's command line is parsed once. */
    private static final Map<String, ParseResult> PARSED = new ConcurrentHashMap<>();

    private ParseResult parse(Service service) {
        return PARSED.computeIfAbsent(service.name(), name -> parseNow(service));
    }

    private static ParseResult parseNow(Service service) {
        ParseResult top = ForesightCommand.commandLine().parseArgs(service.command().toArray(String[]::new));
        assertThat(top.hasSubcommand()).as("%s names a subcommand", service.name()).isTrue();
        return top.subcommand();
    }

    private List<ParseResult> commandsNamed(List<Service> services, String name) {
        return services.stream().map(this::parse).filter(c -> c.commandSpec().name().equals(name)).toList();
    }

    /** The option's value after parsing: given on the command line, or its default. */
    private static String value(ParseResult command, String option) {
        CommandLine.Model.OptionSpec spec = command.commandSpec().findOption(option);
        assertThat(spec).as("%s has option %s", command.commandSpec().name(), option).isNotNull();
        Object value = spec.getValue();
        return value == null ? null : value.toString();
    }

    /** host:port of every listener the brokers advertise. */
    private static Set<String> advertisedListeners(List<Service> brokers) {
        Set<String> listeners = new HashSet<>();
        for (Service broker : brokers) {
            String advertised = broker.node().path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
            for (String listener : advertised.split(",")) {
                listeners.add(listener.substring(listener.indexOf("://") + 3));
            }
        }
        return listeners;
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
