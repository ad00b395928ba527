package dev.foresight.producers.dataset.backblaze;

import dev.foresight.producers.dataset.SamplingWeights;
import dev.foresight.producers.dataset.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * What an imported Backblaze recording holds: the {@code scenario} of its manifest. The keys
 * {@code tickSeconds}, {@code startTime}, {@code observedUntil} and {@code sampling} are read back by
 * offline training and evaluation ({@code RecordingFacts}).
 *
 * @param name             a name for reports
 * @param dataset          "backblaze"
 * @param tickSeconds      one tick per day: 86400
 * @param startTime        tick 0: the first date at 00:00 UTC
 * @param observedUntil    the end of the last day: failures are known up to here, so a window is only
 *                         labelled healthy when its whole horizon ends before it
 * @param failureEventTime where a FAILED event is put in time (documentation for readers of the recording)
 * @param rowOrder         the date order the import found and checked
 * @param sources          the input files, with checksums
 * @param sampling         weights that undo the dataset's sampling, used in evaluation
 * @param rowsRead         data rows read
 * @param rowsImported     rows written as telemetry
 * @param drives           distinct drives imported
 * @param failedDrives     drives with a failure=1 row
 * @param skipped          rows left out, by reason
 * @param skippedExamples  the first locations of each reason
 * @param metrics          telemetry metric names
 * @param drivesPerModel   drives per drive model (the model is a string, so it is not telemetry)
 */
public record BackblazeDatasetFacts(String name, String dataset, long tickSeconds, String startTime, String observedUntil,
                                    String failureEventTime, String rowOrder, List<SourceFile> sources,
                                    SamplingWeights sampling, long rowsRead, long rowsImported, long drives,
                                    long failedDrives, Map<String, Long> skipped, Map<String, List<String>> skippedExamples,
                                    List<String> metrics, Map<String, Long> drivesPerModel) {
}
