package dev.foresight.cli;

import dev.foresight.broker.BrokerSettings;
import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the embedded single-node Kafka in the foreground, for other foresight commands and any Kafka tool. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run the embedded Kafka broker (KRaft, loopback only) in the foreground until interrupted.")
final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "9092", description = "Client port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the broker's data here across restarts (default: a temporary directory deleted on exit).")
    Path dataDir;

    // A plain flag: picocli's negatable form of a true-by-default option does not turn it off.
    @Option(names = "--no-create-topics", description = "Do not create the Foresight topic catalogue on start.")
    boolean noCreateTopics;

    @Option(names = "--partitions", defaultValue = "" + TopicSettings.DEFAULT_PARTITIONS,
            description = "Partitions of the node-keyed topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws Exception {
        BrokerSettings settings = BrokerSettings.defaults().withPort(port).withDataDir(dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                stopped.countDown();
            }, "foresight-broker-shutdown"));
            if (!noCreateTopics) {
                try (Admin admin = Admin.create(broker.clientProperties())) {
                    List<String> created = new TopicAdministrator(admin, 30_000)
                            .createMissing(TopicCatalogue.of(TopicSettings.defaults().withPartitions(partitions)));
                    System.out.println("created " + created.size() + " topics");
                }
            }
            System.out.println("Kafka " + EmbeddedKafkaBroker.kafkaVersion() + " listening on " + broker.bootstrapServers()
                    + " (data " + broker.dataDir() + "). Ctrl-C to stop.");
            System.out.println("Other commands: export FORESIGHT_BOOTSTRAP=" + broker.bootstrapServers());
            stopped.await();
        }
        return 0;
    }
}
