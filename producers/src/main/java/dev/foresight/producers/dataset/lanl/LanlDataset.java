package dev.foresight.producers.dataset.lanl;

import dev.foresight.producers.dataset.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * The LANL records as per-system traces.
 *
 * @param sources          the input files (empty when read back from a trace directory without its index)
 * @param rowsRead         data rows read
 * @param systems          one trace per system, ordered by system number
 * @param skipped          rows left out, by reason
 * @param skippedExamples  the first locations of each reason
 */
public record LanlDataset(List<SourceFile> sources, long rowsRead, List<SystemTrace> systems, Map<String, Long> skipped,
                          Map<String, List<String>> skippedExamples) {

    public LanlDataset {
        sources = List.copyOf(sources);
        systems = List.copyOf(systems);
        skipped = Map.copyOf(skipped);
        skippedExamples = Map.copyOf(skippedExamples);
    }

    public long rowsSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
