package dev.foresight.cli.metrics;

import dev.foresight.producers.sim.MarkedTickWriter;
import dev.foresight.schemas.Command;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.ModelRelease;
import dev.foresight.schemas.Prediction;
import dev.foresight.schemas.TickMarker;
import dev.foresight.schemas.codec.AvroCodec;
import dev.foresight.schemas.topics.TopicRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a component reads from and writes to the pipeline's topics, as Prometheus meters: records by
 * direction and topic, and the domain counts operators watch (predictions, alarms, dead letters, commands
 * by type, command results by type and status, the model version in use, the latest tick).
 *
 * <p>Fed by {@link PipelineInterceptor} from inside the Kafka clients, so it counts what this process
 * itself sent (as sent: a record of an aborted transaction is counted too) and consumed. Records are
 * decoded only where a count needs their content; tick markers are recognised by their key.
 */
public final class PipelineMeters {

    /** Which way a record went, from this process's point of view. */
    public enum Direction {
        IN, OUT;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String MARKER_KEY = MarkedTickWriter.MARKER_KEY;
    private static final byte[] MARKER_KEY_BYTES = MARKER_KEY.getBytes(StandardCharsets.UTF_8);
    /** Topics whose records are decoded: the counts need their content. */
    private static final Set<TopicRole> CONTENT_ROLES =
            EnumSet.of(TopicRole.PREDICTIONS, TopicRole.COMMANDS, TopicRole.COMMAND_RESULTS, TopicRole.MODELS);
    private static final PipelineMeters GLOBAL = new PipelineMeters(Metrics.globalRegistry);

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong modelVersion = new AtomicLong(-1);
    private final AtomicLong tick = new AtomicLong(-1);

    PipelineMeters(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("foresight.model.version", modelVersion, AtomicLong::get)
                .description("Highest model version seen in a model release or a prediction; -1 before the first")
                .register(registry);
        Gauge.builder("foresight.tick", tick, AtomicLong::get)
                .description("Latest simulated tick whose marker this process sent or received")
                .register(registry);
    }

    /** The meters Kafka clients report into: Micrometer's global registry, which a command's Prometheus registry joins. */
    public static PipelineMeters global() {
        return GLOBAL;
    }

    /** A component starts in this process: the gauges forget what an earlier one saw (counters restart with their registry). */
    void reset() {
        modelVersion.set(-1);
        tick.set(-1);
    }

    /** Counts one record; {@code value} is the record as the client sees it (bytes or a decoded Avro record). */
    public void record(Direction direction, String topic, Object key, Object value) {
        Optional<TopicRole> role = TopicLabel.roleOf(topic);
        boolean needsContent = role.map(CONTENT_ROLES::contains).orElse(false);
        // the simulator keys its markers; the actuator's markers (on commands, decoded anyway) have no key
        SpecificRecord decoded = needsContent || isMarker(key) ? decode(value).orElse(null) : null;
        if (decoded instanceof TickMarker marker) {
            tick.accumulateAndGet(marker.getTick(), Math::max);
            return;
        }
        String topicLabel = role.map(TopicRole::suffix).orElse(TopicLabel.INTERNAL);
        counter("foresight.records", "Records sent (out) or consumed (in), tick markers excluded",
                "direction", direction.label(), "topic", topicLabel).increment();
        if (role.isPresent() && role.get() == TopicRole.DEAD_LETTERS) {
            counter("foresight.dead.letters", "Records rejected into the dead-letter topic", "direction", direction.label())
                    .increment();
        } else if (decoded instanceof Prediction p) {
            prediction(direction, p);
        } else if (decoded instanceof Command c) {
            counter("foresight.commands", "Commands to the cluster, by type",
                    "direction", direction.label(), "type", c.getType().name()).increment();
        } else if (decoded instanceof CommandResult r) {
            counter("foresight.command.results", "Command results, by command type and status",
                    "direction", direction.label(), "type", r.getType().name(), "status", r.getStatus().name()).increment();
        } else if (decoded instanceof ModelRelease m) {
            modelVersion.accumulateAndGet(m.getVersion(), Math::max);
        }
    }

    private void prediction(Direction direction, Prediction p) {
        counter("foresight.predictions", "Node failure predictions", "direction", direction.label()).increment();
        if (p.getAlarm()) {
            counter("foresight.alarms", "Predictions that raised an alarm", "direction", direction.label()).increment();
        }
        modelVersion.accumulateAndGet(p.getModelVersion(), Math::max);
    }

    private Counter counter(String name, String description, String... tags) {
        String key = name + Arrays.toString(tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    private static boolean isMarker(Object key) {
        return MARKER_KEY.equals(key) || (key instanceof byte[] bytes && Arrays.equals(bytes, MARKER_KEY_BYTES));
    }

    private static Optional<SpecificRecord> decode(Object value) {
        if (value instanceof SpecificRecord record) {
            return Optional.of(record);
        }
        if (value instanceof byte[] bytes) {
            try {
                return Optional.of(AvroCodec.decodeAny(bytes));
            } catch (RuntimeException notOurs) {
                return Optional.empty(); // the pipeline's own validation sends it to dead letters; not the meters' job
            }
        }
        return Optional.empty();
    }
}
