package dev.foresight.cli.dashboard;

import dev.foresight.cli.KafkaConnectionOptions;
import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.MetricsOptions;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import dev.foresight.schemas.topics.TopicSettings;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code foresight dashboard}: the live page for a cluster's pipeline, read from its topics. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve the live dashboard of a pipeline running on a Kafka cluster: node risk and power, alarms, "
                + "commands and failures as they happen, predictor counts. Reads the topics with --prefix; read-only.")
public final class DashboardCommand implements Callable<Integer> {

    /** Everything the page shows that a cluster's topics carry. */
    static final Set<TopicRole> FOLLOWED = Collections.unmodifiableSet(EnumSet.of(TopicRole.CLUSTER_STATE, TopicRole.PREDICTIONS,
            TopicRole.COMMANDS, TopicRole.COMMAND_RESULTS, TopicRole.NODE_EVENTS, TopicRole.MODELS));

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Option(names = "--prefix", defaultValue = TopicSettings.DEFAULT_PREFIX, description = "Topic prefix (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Mixin
    DashboardOptions http = new DashboardOptions();

    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        TopicCatalogue topics = TopicCatalogue.of(TopicSettings.defaults().withPrefix(prefix));
        DashboardState state = new DashboardState("cluster");
        state.startRun(prefix + "*", "");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "foresight-dashboard-shutdown"));
        try (ComponentMetrics metrics = metricsOptions.open("dashboard");
             TopicFollower follower = TopicFollower.start(metrics.instrumentPipelineOnly(kafka.clientProperties()), topics,
                     FOLLOWED, state, "foresight-dashboard");
             DashboardServer server = http.start(state)) {
            metrics.bind(new KafkaClientMetrics(follower.consumer()));
            System.out.println("dashboard: " + server.uri());
            System.out.println("dashboard of " + prefix + "* on " + kafka.clientProperties().get("bootstrap.servers")
                    + " (Ctrl-C to stop)");
            stopped.await();
        }
        return 0;
    }
}
