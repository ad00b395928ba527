package dev.foresight.producers.dataset.bluegene;

import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunRecorder;
import dev.foresight.schemas.NodeTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the telemetry of every card, tick by tick: tick j counts the warnings of the hour that ends at
 * {@code start + j hours}, per column, and is stamped with that end (the moment the counts are known, so a
 * window ending there never holds anything logged later).
 *
 * <p>A card has a record in every tick from its first warning until {@code silentHours} after its last one,
 * zeros included: a feature window no longer than that sees true zeros, never a gap. After that the card
 * is silent until its next warning. Every window of a silent card would hold zeros only, so it would
 * score like any quiet card; leaving those records out keeps the five shared months at about 0.6 million
 * records instead of 5 million. Failures of silent cards are still in the node events, and evaluation
 * counts them.
 */
final class CardTelemetryWriter {

    private CardTelemetryWriter() {
    }

    /** @return records written */
    static long write(WarningHours warnings, List<String> columns, long startHour, long ticks, long silentHours, RunRecorder recorder) {
        List<String> metrics = columns.stream().map(RasCategories::metric).toList();
        List<String> ids = new ArrayList<>(warnings.cards(columns).keySet());
        long[][] hours = ids.stream().map(id -> warnings.hours(id, columns)).toArray(long[][]::new);
        int[] next = new int[ids.size()]; // per card, the first warning hour not yet reached
        long written = 0;
        for (long tick = 1; tick <= ticks; tick++) {
            long hour = startHour + tick - 1;
            Instant end = Instant.ofEpochSecond((hour + 1) * 3600);
            for (int c = 0; c < ids.size(); c++) {
                while (next[c] < hours[c].length && hours[c][next[c]] <= hour) {
                    next[c]++;
                }
                boolean active = next[c] > 0 && hours[c][next[c] - 1] > hour - silentHours;
                if (!active) {
                    continue;
                }
                int[] counts = warnings.countsAt(ids.get(c), hour, columns);
                Map<String, Double> values = new TreeMap<>();
                for (int m = 0; m < metrics.size(); m++) {
                    values.put(metrics.get(m), (double) counts[m]);
                }
                recorder.append(RecordingStream.TELEMETRY, NodeTelemetry.newBuilder().setNodeId(ids.get(c)).setTimestamp(end)
                        .setTick(tick).setMetrics(values).setSource(BlueGeneImporter.SOURCE).build());
                written++;
            }
        }
        return written;
    }
}
