package dev.foresight.producers.agent;

import dev.foresight.schemas.NodeTelemetry;
import java.time.Clock;
import java.time.Instant;
import java.util.SortedMap;

/**
 * Real host telemetry: reads {@code /proc} and {@code /sys} every interval and publishes one
 * {@link NodeTelemetry} (source "agent", tick -1 because real time has no simulation tick, timestamp =
 * now) keyed by the node id. The first reading is a baseline for the rates that need two (CPU
 * utilisation); samples follow one interval apart.
 */
public final class HostAgent {

    public static final String SOURCE = "agent";

    private final HostAgentOptions options;
    private final HostTelemetryCollector collector;
    private final Clock clock;

    public HostAgent(HostAgentOptions options, Clock clock) {
        this.options = options;
        this.collector = new HostTelemetryCollector(new ProcReader(options.root()));
        this.clock = clock;
    }

    /**
     * Publishes {@code options.count()} samples (forever when 0), waiting on the pacer before each.
     *
     * @return the number of samples published
     */
    public long run(TelemetrySink sink, Pacer pacer) throws InterruptedException {
        collector.sample(); // baseline: CPU utilisation is a difference between two readings
        long published = 0;
        while (options.count() == 0 || published < options.count()) {
            pacer.awaitNext();
            sink.publish(sample());
            published++;
        }
        return published;
    }

    /** One reading as a record. */
    NodeTelemetry sample() {
        SortedMap<String, Double> metrics = collector.sample();
        return NodeTelemetry.newBuilder().setNodeId(options.nodeId()).setTimestamp(Instant.ofEpochMilli(clock.millis())).setTick(-1L)
                .setMetrics(metrics).setSource(SOURCE).build();
    }
}
