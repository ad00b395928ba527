package dev.foresight.cli;

import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cli.metrics.MetricsOptions;
import dev.foresight.schemas.topics.TopicSettings;
import dev.foresight.streams.StreamsApp;
import dev.foresight.streams.StreamsSettings;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import dev.foresight.experiments.offline.OfflineModelFile;
import dev.foresight.schemas.ModelRelease;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Runs the Kafka Streams topology (validation, features, labels, training, scoring) until stopped. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Kafka Streams topology against a cluster until interrupted; start several to share partitions.")
final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Mixin
    TopicLayoutOptions layout = new TopicLayoutOptions();



    @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", description = "Where state stores live (default: a directory under java.io.tmpdir).")
    Path stateDir;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--tick-seconds", defaultValue = "60", description = "Simulated length of a tick (default: ${DEFAULT-VALUE}).")
    long tickSeconds;

    @Option(names = "--horizon-minutes", description = "Prediction horizon H (default: the initial model's, else 60).")
    Long horizonMinutes;

    @Option(names = "--initial-model", paramLabel = "FILE",
            description = "Score from the first tick with this model file (from 'foresight train', e.g. on the fleet's history), "
                    + "as version 0; the online trainer keeps learning and replaces it only with a model that beats it.")
    Path initialModel;


    @Mixin
    MetricsOptions metricsOptions = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        StreamsSettings.Builder builder = StreamsSettings.defaults().toBuilder()
                .applicationId(applicationId)
                .topics(layout.settings())
                .streamThreads(threads)
                .tickLength(Duration.ofSeconds(tickSeconds));
        Duration horizon = horizonMinutes != null ? Duration.ofMinutes(horizonMinutes) : Duration.ofMinutes(60);
        if (initialModel != null) {
            ModelRelease model = OfflineModelFile.release(OfflineModelFile.read(initialModel), initialModel, Instant.EPOCH);
            if (horizonMinutes == null) {
                horizon = Duration.ofMillis(model.getHorizonMillis());
            }
            builder.initialModel(model);
            System.out.println("streams: starting from " + initialModel + " (" + model.getProvenance().get("trainedOn") + ", "
                    + model.getAlgorithm() + ", threshold " + model.getThreshold() + ", horizon " + horizon + ")");
        }
        builder.horizon(horizon);
        if (stateDir != null) {
            builder.stateDir(stateDir);
        }
        StreamsSettings settings = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (ComponentMetrics metrics = metricsOptions.open("streams");
             // KafkaStreamsMetrics covers every client of the application; the interceptor adds the pipeline's counts
             StreamsApp app = StreamsApp.start(settings, metrics.instrumentPipelineOnly(kafka.clientProperties()))) {
            metrics.bind(new KafkaStreamsMetrics(app.streams()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "foresight-streams-shutdown"));
            app.failure().thenAccept(failure -> stopped.countDown());
            System.out.println("streams " + applicationId + " running on " + layout.prefix() + "* (Ctrl-C to stop)");
            stopped.await();
            StreamsApp.Health health = app.health();
            if (!health.healthy()) {
                System.err.println("streams stopped: " + health.state() + health.failure().map(t -> ": " + t).orElse(""));
                return 1;
            }
        }
        return 0;
    }
}
