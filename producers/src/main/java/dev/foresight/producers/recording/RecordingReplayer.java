package dev.foresight.producers.recording;

import dev.foresight.producers.sim.MarkedTickWriter;
import dev.foresight.producers.sim.MarkedTickWriter.Keyed;
import dev.foresight.producers.sim.TickPublisher;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeTelemetry;
import dev.foresight.schemas.codec.AvroTrust;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Publishes a recording's telemetry and node events back into Kafka, open loop, tick by tick with the
 * simulator's markers: the topology downstream cannot tell a replay from the live run, so predictors and
 * policies can be compared on exactly the same telemetry.
 */
public final class RecordingReplayer {

    /** What a replay published. */
    public record Summary(long ticks, long telemetry, long events) {}

    private final Path runDir;

    public RecordingReplayer(Path runDir) {
        this.runDir = runDir;
        RunManifest.read(runDir); // fails early, naming what is missing, if this is not a recording
    }

    /**
     * @param paceMillisPerTick 0 for as fast as possible, else the wall-clock time per tick
     * @param onTick called after each tick is committed (progress)
     */
    public Summary publish(Map<String, Object> kafka, TopicCatalogue topics, String transactionalId, long paceMillisPerTick,
                           LongConsumer onTick) throws InterruptedException {
        AvroTrust.ensure();
        long ticks = 0;
        long telemetryCount = 0;
        long eventCount = 0;
        try (var telemetry = new DataFileReader<>(runDir.resolve(RecordingStream.TELEMETRY.fileName()).toFile(),
                     new SpecificDatumReader<>(NodeTelemetry.class));
             var events = new DataFileReader<>(runDir.resolve(RecordingStream.NODE_EVENTS.fileName()).toFile(),
                     new SpecificDatumReader<>(NodeEvent.class));
             MarkedTickWriter writer = new MarkedTickWriter(kafka, topics, TickPublisher.STAGE, transactionalId)) {
            Peeking<NodeTelemetry> t = new Peeking<>(telemetry);
            Peeking<NodeEvent> e = new Peeking<>(events);
            long started = System.nanoTime();
            while (t.peek() != null || e.peek() != null) {
                long tick = Math.min(t.peek() == null ? Long.MAX_VALUE : t.peek().getTick(),
                        e.peek() == null ? Long.MAX_VALUE : e.peek().getTick());
                long time = Long.MIN_VALUE;
                List<Keyed> tickTelemetry = new ArrayList<>();
                while (t.peek() != null && t.peek().getTick() == tick) {
                    NodeTelemetry record = t.next();
                    time = Math.max(time, record.getTimestamp().toEpochMilli());
                    tickTelemetry.add(new Keyed(record.getNodeId(), record));
                }
                List<Keyed> tickEvents = new ArrayList<>();
                while (e.peek() != null && e.peek().getTick() == tick) {
                    NodeEvent record = e.next();
                    time = Math.max(time, record.getTimestamp().toEpochMilli());
                    tickEvents.add(new Keyed(record.getNodeId(), record));
                }
                Map<TopicRole, List<Keyed>> records = new EnumMap<>(TopicRole.class);
                records.put(TopicRole.TELEMETRY, tickTelemetry);
                records.put(TopicRole.NODE_EVENTS, tickEvents);
                if (paceMillisPerTick > 0) {
                    long wait = started / 1_000_000 + ticks * paceMillisPerTick - System.nanoTime() / 1_000_000;
                    if (wait > 0) {
                        Thread.sleep(wait); // pacing to the wall clock, not synchronisation
                    }
                }
                writer.writeTick(tick, time, records, List.of(TopicRole.TELEMETRY, TopicRole.NODE_EVENTS));
                telemetryCount += tickTelemetry.size();
                eventCount += tickEvents.size();
                ticks++;
                onTick.accept(tick);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read the recording in " + runDir + ": " + ex.getMessage(), ex);
        }
        return new Summary(ticks, telemetryCount, eventCount);
    }

    /** An iterator that can look one record ahead: ticks are contiguous runs in a recording. */
    private static final class Peeking<T> {
        private final Iterator<T> it;
        private T next;

        Peeking(Iterator<T> it) {
            this.it = it;
            this.next = it.hasNext() ? it.next() : null;
        }

        T peek() {
            return next;
        }

        T next() {
            T current = next;
            next = it.hasNext() ? it.next() : null;
            return current;
        }
    }
}
