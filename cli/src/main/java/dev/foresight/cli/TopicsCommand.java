package dev.foresight.cli;

import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.schemas.topics.TopicSpec;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows or creates the topic catalogue on a cluster. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "List the Foresight topics, or create them on a Kafka cluster (--create).")
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Mixin
    TopicLayoutOptions layout = new TopicLayoutOptions();

    @Option(names = "--create", description = "Create missing topics on the cluster (needs --bootstrap-servers or --client-config).")
    boolean create;




    @Override
    public Integer call() {
        TopicCatalogue catalogue = TopicCatalogue.of(layout.settings());
        if (create) {
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                List<String> created = new TopicAdministrator(admin, 30_000).createMissing(catalogue);
                System.out.println(created.isEmpty() ? "all topics already exist" : "created: " + String.join(", ", created));
            }
            return 0;
        }
        System.out.printf("%-34s %10s %4s  %s%n", "topic", "partitions", "rf", "configs");
        for (TopicSpec spec : catalogue.all()) {
            System.out.printf("%-34s %10d %4d  %s%n", spec.name(), spec.partitions(), spec.replicationFactor(), spec.configs());
        }
        return 0;
    }
}
