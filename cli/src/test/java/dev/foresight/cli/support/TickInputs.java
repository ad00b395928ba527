package dev.foresight.cli.support;

import dev.foresight.producers.sim.MarkedTickWriter;
import dev.foresight.producers.sim.MarkedTickWriter.Keyed;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The simulator's side of the lockstep protocol for tests: ticks of telemetry, closed by markers. */
public final class TickInputs {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TickInputs() {}

    /** Publishes {@code ticks} ticks of plain telemetry for {@code nodes} nodes (node-000, node-001, ...). */
    public static void publish(Map<String, Object> kafka, TopicCatalogue topics, int nodes, int ticks, String transactionalId) {
        try (MarkedTickWriter writer = new MarkedTickWriter(kafka, topics, TickPublisher.STAGE, transactionalId)) {
            for (int tick = 0; tick < ticks; tick++) {
                long time = START.plusSeconds(60L * tick).toEpochMilli();
                List<Keyed> telemetry = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    String node = String.format("node-%03d", n);
                    telemetry.add(new Keyed(node, NodeTelemetry.newBuilder().setNodeId(node).setTimestamp(Instant.ofEpochMilli(time))
                            .setTick(tick).setMetrics(Map.of("cpu_temp_c", 50.0 + n + tick % 3, "ecc_corrected", (double) tick))
                            .setSource("test").build()));
                }
                Map<TopicRole, List<Keyed>> records = new EnumMap<>(TopicRole.class);
                records.put(TopicRole.TELEMETRY, telemetry);
                records.put(TopicRole.NODE_EVENTS, List.of());
                writer.writeTick(tick, time, records, List.of(TopicRole.TELEMETRY, TopicRole.NODE_EVENTS));
            }
        }
    }
}
