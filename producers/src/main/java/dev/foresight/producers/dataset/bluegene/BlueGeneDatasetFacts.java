package dev.foresight.producers.dataset.bluegene;

import dev.foresight.producers.dataset.SourceFile;
import java.util.List;

/**
 * What an imported Blue Gene/L recording holds: the {@code scenario} of its manifest. Offline training and
 * evaluation read {@code tickSeconds}, {@code observedUntil}, {@code silentAfterSeconds},
 * {@code repairGraceSeconds} and {@code nodeGroupPattern} back ({@code RecordingFacts}); a later import
 * given {@code --like} reads {@code warningCategories}.
 *
 * @param name               a name for reports
 * @param dataset            "bluegene-l"
 * @param tickSeconds        3600
 * @param startTime          tick 0 (ticks count the hours that end at startTime + tick hours)
 * @param observedUntil      failures are known up to here
 * @param silentAfterSeconds a card's telemetry stops this long after its last warning: feature windows
 *                           must not be longer, or they would see the gap as missing rather than zero
 * @param repairGraceSeconds windows right after a repair are labelled like any other (0): the card is
 *                           rebooted, and what it logged before is a fair clue to its next failure
 * @param nodeGroupPattern   the midplane of a card id, for splits that keep a midplane's cards together
 * @param notes              how times, telemetry, failures and repairs were derived
 * @param sources            the input files, with checksums
 * @param likeRecording      the recording whose columns were reused (--like), or null
 * @param warningCategories  the telemetry columns, as categories, in order
 * @param metrics            the telemetry metric names, one per category
 * @param warningLines       what became of the warnings log
 * @param failureLines       what became of the failures log
 * @param outages            the failures as outages
 * @param failureTrace       the failure trace file written next to the recording
 */
public record BlueGeneDatasetFacts(String name, String dataset, long tickSeconds, String startTime, String observedUntil,
                                   long silentAfterSeconds, long repairGraceSeconds, String nodeGroupPattern, Notes notes,
                                   List<SourceFile> sources, String likeRecording, List<String> warningCategories,
                                   List<String> metrics, RasLineCounts warningLines, RasLineCounts failureLines,
                                   OutageCounts outages, String failureTrace) {

    /**
     * @param times     how log times were read
     * @param telemetry what a telemetry record counts and when cards have one
     * @param failures  what a FAILED event is
     * @param repairs   what a REPAIRED event is
     */
    public record Notes(String times, String telemetry, String failures, String repairs) {
    }
}
