package dev.foresight.cli;

import dev.foresight.experiments.offline.DurationText;
import dev.foresight.producers.agent.HostAgent;
import dev.foresight.producers.agent.HostAgentOptions;
import dev.foresight.producers.agent.KafkaTelemetrySink;
import dev.foresight.producers.agent.Pacer;
import dev.foresight.producers.agent.ProcReader;
import dev.foresight.producers.agent.TelemetrySink;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code foresight agent}: real host telemetry from /proc and /sys into the telemetry topic. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Publish this host's telemetry from /proc and /sys every interval (real host agent).",
            "CPU, load, memory, temperatures and fans, EDAC memory errors, disk and network counters, as NodeTelemetry",
            "records keyed by node id. Sensors the host lacks are left out. --dry-run prints the readings instead."})
final class AgentCommand implements Callable<Integer> {

    @Option(names = "--interval", defaultValue = "10s", paramLabel = "DURATION",
            description = "Time between samples, e.g. 10s, 1m (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--node-id", paramLabel = "NAME", description = "Node id of the telemetry (default: the host name).")
    String nodeId;

    @Option(names = "--count", defaultValue = "0", paramLabel = "N", description = "Samples to publish, then stop; 0 = until stopped (default).")
    long count;

    @Option(names = "--root", defaultValue = "/", paramLabel = "DIR",
            description = "Directory holding proc/ and sys/ (default: ${DEFAULT-VALUE}; a copy for testing).")
    Path root;

    @Option(names = "--dry-run", description = "Print each sample's metrics instead of publishing.")
    boolean dryRun;

    @Option(names = "--prefix", defaultValue = TopicSettings.DEFAULT_PREFIX, description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--partitions", defaultValue = "" + TopicSettings.DEFAULT_PARTITIONS,
            description = "Partitions when the topics must be created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(root.resolve("proc"))) {
            throw new IllegalArgumentException("--root " + root + " has no proc/ directory to read");
        }
        Duration every = DurationText.parse(interval);
        String node = nodeId != null ? nodeId : HostAgentOptions.defaultNodeId(new ProcReader(root));
        HostAgentOptions options = new HostAgentOptions(node, every, count, root);
        HostAgent agent = new HostAgent(options, Clock.systemUTC());
        try (TelemetrySink sink = dryRun ? AgentCommand::print : kafkaSink()) {
            long published = agent.run(sink, Pacer.fixedRate(every));
            System.err.printf(Locale.ROOT, "agent: %d sample(s) of node %s%s%n", published, node, dryRun ? " printed" : " published");
        }
        return 0;
    }

    private TelemetrySink kafkaSink() {
        if (!kafka.external()) {
            throw new IllegalArgumentException("the agent publishes to a running cluster: start one with 'foresight broker' and pass "
                    + "--bootstrap-servers 127.0.0.1:9092 (or set FORESIGHT_BOOTSTRAP), or use --dry-run");
        }
        Map<String, Object> props = kafka.clientProperties();
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(prefix).withPartitions(partitions));
        try (Admin admin = Admin.create(props)) {
            new TopicAdministrator(admin, 30_000).createMissing(topics);
        }
        String topic = topics.name(TopicRole.TELEMETRY);
        System.err.println("agent: publishing to " + topic + " on " + props.get("bootstrap.servers"));
        return new KafkaTelemetrySink(props, topic, Duration.ofSeconds(30));
    }

    private static void print(NodeTelemetry sample) {
        System.out.printf(Locale.ROOT, "%s %s (%d metrics)%n", sample.getTimestamp(), sample.getNodeId(), sample.getMetrics().size());
        sample.getMetrics().forEach((name, value) -> System.out.printf(Locale.ROOT, "  %-40s %s%n", name, value));
    }
}
