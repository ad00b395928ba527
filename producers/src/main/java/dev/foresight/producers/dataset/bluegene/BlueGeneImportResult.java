package dev.foresight.producers.dataset.bluegene;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an import wrote.
 *
 * @param recording    the recording directory
 * @param facts        the dataset facts (also the manifest's scenario)
 * @param ticks        hours from the start to the observation end
 * @param recordCounts records per recording file
 */
public record BlueGeneImportResult(Path recording, BlueGeneDatasetFacts facts, long ticks, Map<String, Long> recordCounts) {
}
