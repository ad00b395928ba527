package dev.foresight.producers.dataset.backblaze;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an import wrote.
 *
 * @param recording        the recording directory
 * @param facts            the dataset facts (also the manifest's scenario)
 * @param days             days from the first to the last date, both included (= ticks)
 * @param recordCounts     records per recording file
 * @param skippedExamples  the first locations of each skip reason
 */
public record BackblazeImportResult(Path recording, BackblazeDatasetFacts facts, long days, Map<String, Long> recordCounts,
                                    Map<String, List<String>> skippedExamples) {

    public long rowsSkipped() {
        return facts.skipped().values().stream().mapToLong(Long::longValue).sum();
    }
}
