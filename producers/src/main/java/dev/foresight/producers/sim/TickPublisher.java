package dev.foresight.producers.sim;

import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.producers.sim.MarkedTickWriter.Keyed;
import dev.foresight.schemas.CommandResult;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes what one simulated tick produced: telemetry, node events, node states and command results,
 * closed by the simulator's tick markers on every partition of each of those topics, and the dead letters
 * of the commands refused for this tick, all in one transaction.
 */
public final class TickPublisher implements TickSink, AutoCloseable {

    public static final String MARKER_KEY = MarkedTickWriter.MARKER_KEY;
    public static final String STAGE = "simulator";

    static final List<TopicRole> MARKED_TOPICS =
            List.of(TopicRole.TELEMETRY, TopicRole.NODE_EVENTS, TopicRole.CLUSTER_STATE, TopicRole.COMMAND_RESULTS);

    private final MarkedTickWriter writer;
    private final String deadLetterTopic;
    private final int partitions;

    public TickPublisher(Map<String, Object> clientProperties, TopicCatalogue catalogue, String transactionalId) {
        this.writer = new MarkedTickWriter(clientProperties, catalogue, STAGE, transactionalId);
        this.deadLetterTopic = catalogue.name(TopicRole.DEAD_LETTERS);
        this.partitions = catalogue.settings().partitions();
    }

    @Override
    public void publish(TickReport report, Refusals refusals) {
        List<CommandResult> extraResults = refusals.results();
        long tick = report.tick();
        long time = report.timeMillis();
        Map<TopicRole, List<Keyed>> records = new EnumMap<>(TopicRole.class);
        List<Keyed> telemetry = new ArrayList<>(report.telemetry().size());
        for (TelemetrySample sample : report.telemetry()) {
            telemetry.add(new Keyed(sample.nodeId(), AvroMapping.telemetry(sample, tick)));
        }
        List<Keyed> events = new ArrayList<>(report.events().size());
        for (NodeEventRecord event : report.events()) {
            events.add(new Keyed(event.nodeId(), AvroMapping.event(event, tick)));
        }
        List<Keyed> states = new ArrayList<>(report.nodeStates().size());
        for (NodeView node : report.nodeStates()) {
            states.add(new Keyed(node.nodeId(), AvroMapping.state(node, tick, time)));
        }
        List<Keyed> results = new ArrayList<>(report.outcomes().size() + extraResults.size());
        for (CommandOutcome outcome : report.outcomes()) {
            results.add(new Keyed(outcome.subject(), AvroMapping.result(outcome, time)));
        }
        for (CommandResult extra : extraResults) {
            results.add(new Keyed(extra.getSubject(), extra));
        }
        records.put(TopicRole.TELEMETRY, telemetry);
        records.put(TopicRole.NODE_EVENTS, events);
        records.put(TopicRole.CLUSTER_STATE, states);
        records.put(TopicRole.COMMAND_RESULTS, results);
        List<ProducerRecord<byte[], byte[]>> deadLetters = new ArrayList<>(refusals.deadLetters().size());
        for (Refusal refusal : refusals.deadLetters()) {
            deadLetters.add(DeadLetterRecords.of(refusal, STAGE, deadLetterTopic, partitions, time));
        }
        writer.writeTick(tick, time, records, MARKED_TOPICS, deadLetters);
    }

    public long recordsSent() {
        return writer.recordsSent();
    }

    @Override
    public void close() {
        writer.close();
    }
}
