package dev.foresight.cli;

import dev.foresight.producers.recording.RecordingReplayer;
import dev.foresight.schemas.topics.TopicAdministrator;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes a recording back into Kafka, open loop. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Publish a recording's telemetry and node events into Kafka, tick by tick with lockstep markers (open loop).")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A recording directory (with manifest.json), e.g. runs/demo/runs/periodic.")
    Path runDir;

    @Mixin
    KafkaConnectionOptions kafka = new KafkaConnectionOptions();

    @Mixin
    TopicLayoutOptions layout = new TopicLayoutOptions();



    @Option(names = "--ms-per-tick", defaultValue = "0", description = "Wall-clock pacing per tick; 0 = as fast as possible (default).")
    long msPerTick;

    @Override
    public Integer call() throws Exception {
        RecordingReplayer replayer = new RecordingReplayer(runDir);
        TopicCatalogue topics = TopicCatalogue.of(layout.settings());
        if (!kafka.external()) {
            // A replay into a broker that vanishes when the command ends would reach nobody.
            throw new IllegalArgumentException("replay needs a cluster that outlives it: start one with 'foresight broker' "
                    + "and pass --bootstrap-servers 127.0.0.1:9092 (or set FORESIGHT_BOOTSTRAP)");
        }
        Map<String, Object> props = kafka.clientProperties();
        try (Admin admin = Admin.create(props)) {
            new TopicAdministrator(admin, 30_000).createMissing(topics);
        }
        RecordingReplayer.Summary summary = replayer.publish(props, topics, "replay-" + layout.prefix() + System.nanoTime(), msPerTick, t -> { });
        System.out.printf("replayed %d ticks: %d telemetry records, %d node events into %s*%n",
                summary.ticks(), summary.telemetry(), summary.events(), layout.prefix());
        return 0;
    }
}
