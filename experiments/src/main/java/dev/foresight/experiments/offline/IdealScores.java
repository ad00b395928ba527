package dev.foresight.experiments.offline;

import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.schemas.Prediction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated recording's ideal predictor scores (the true degradation of each node's coming failure, per tick):
 * the ceiling to grade a learned model against, and the ground truth of which failures announced themselves.
 * Empty for real data.
 */
final class IdealScores {

    private record Series(long[] times, double[] scores) {
    }

    private final Map<String, Series> byNode;

    private IdealScores(Map<String, Series> byNode) {
        this.byNode = byNode;
    }

    static IdealScores read(Path recording) {
        Map<String, List<Prediction>> raw = new HashMap<>();
        RecordingReader.forEach(recording, RecordingStream.IDEAL_SCORES, Prediction.class,
                p -> raw.computeIfAbsent(p.getNodeId(), k -> new ArrayList<>()).add(p));
        Map<String, Series> byNode = new HashMap<>();
        raw.forEach((node, list) -> {
            list.sort(java.util.Comparator.comparing(Prediction::getTimestamp));
            long[] times = list.stream().mapToLong(p -> p.getTimestamp().toEpochMilli()).toArray();
            double[] scores = list.stream().mapToDouble(Prediction::getProbability).toArray();
            byNode.put(node, new Series(times, scores));
        });
        return new IdealScores(byNode);
    }

    boolean isEmpty() {
        return byNode.isEmpty();
    }

    /** The ideal score of a node at a time (its newest at or before it), 0 when none. */
    double at(String node, long timeMillis) {
        Series s = byNode.get(node);
        if (s == null) {
            return 0;
        }
        int i = Arrays.binarySearch(s.times(), timeMillis);
        i = i >= 0 ? i : -i - 2;
        return i >= 0 ? s.scores()[i] : 0;
    }

    /** Whether a precursor showed on the node within the horizon before a failure; null when nothing is known. */
    Boolean announced(String node, long failureMillis, long horizonMillis) {
        if (isEmpty()) {
            return null;
        }
        Series s = byNode.get(node);
        if (s == null) {
            return false;
        }
        int from = Arrays.binarySearch(s.times(), failureMillis - horizonMillis);
        from = from >= 0 ? from : -from - 1;
        for (int i = from; i < s.times().length && s.times()[i] < failureMillis; i++) {
            if (s.scores()[i] > 0) {
                return true;
            }
        }
        return false;
    }
}
