package dev.foresight.producers.dataset.bluegene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.foresight.cluster.FailureTrace;
import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.EventCategory;
import dev.foresight.producers.dataset.RecordingFacts;
import dev.foresight.producers.dataset.SharedDatasets;
import dev.foresight.producers.dataset.lanl.FailureTraceFile;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueGeneImporterTest {

    @TempDir
    Path dir;

    /** Four days (2005-07-06 .. 07-09) of the shared logs, every original line of those days. */
    static final Path CUT_FAILURES = SharedDatasets.resource("bluegene/failures-2005-07-06.log.gz");
    static final Path CUT_WARNINGS = SharedDatasets.resource("bluegene/warnings-2005-07-06.log.gz");
    /** Made up: one line of every malformed kind and of every location variant. */
    static final Path BAD_FAILURES = SharedDatasets.resource("bluegene/failures-malformed.txt");
    static final Path BAD_WARNINGS = SharedDatasets.resource("bluegene/warnings-malformed.txt");

    static BlueGeneImportOptions.Builder cut(Path out) {
        return BlueGeneImportOptions.builder(CUT_FAILURES, CUT_WARNINGS, out);
    }

    /** The expected figures were counted from the raw lines independently (a short script over the same cut). */
    @Test
    void aCutOfTheSharedLogsImportsOneNodePerCardAndOneTickPerHour() {
        BlueGeneImportResult result = BlueGeneImporter.run(cut(dir.resolve("cut")).build());

        BlueGeneDatasetFacts f = result.facts();
        assertThat(f.failureLines().read()).isEqualTo(658);
        assertThat(f.warningLines().read()).isEqualTo(1917);
        assertThat(f.failureLines().skipped()).isEmpty();
        assertThat(f.warningLines().skipped()).isEmpty();
        assertThat(f.warningLines().withoutCard()).containsOnly(entry("job-kill", 6L));
        assertThat(f.startTime()).isEqualTo("2005-07-06T06:00:00Z");
        assertThat(result.ticks()).isEqualTo(81);
        assertThat(f.outages().cards()).isEqualTo(261);
        assertThat(f.outages().cardsWithFailures()).isEqualTo(241);
        assertThat(f.outages().outages()).isEqualTo(355);
        assertThat(f.outages().repeatsMerged()).isEqualTo(303);
        assertThat(result.recordCounts()).containsEntry("telemetry.avro", 11_086L);
        assertThat(f.metrics()).allSatisfy(m -> assertThat(m).startsWith("ras_"))
                .hasSameSizeAs(f.warningCategories()).contains("ras_kernel_interrupt", "ras_memory");
    }

    @Test
    void aTickCountsTheWarningsOfTheHourBeforeItAndACardStaysSilent24HoursAfterItsLastWarning() {
        Path out = dir.resolve("cut");
        BlueGeneImporter.run(cut(out).build());

        List<NodeTelemetry> telemetry = RecordingReader.readAll(out, RecordingStream.TELEMETRY, NodeTelemetry.class);
        assertThat(telemetry).extracting(NodeTelemetry::getTick).isSorted();
        // R27-M1-N5 logged 17 warnings between 09:00 and 10:00 on 07-07 (tick 28 = the hour ending 10:00) and nothing else
        List<NodeTelemetry> card = telemetry.stream().filter(t -> t.getNodeId().equals("R27-M1-N5")).toList();
        assertThat(card).hasSize(24).extracting(NodeTelemetry::getTick).startsWith(28L).endsWith(51L);
        NodeTelemetry first = card.get(0);
        assertThat(first.getTimestamp()).isEqualTo(Instant.parse("2005-07-07T10:00:00Z"));
        assertThat(first.getSource()).isEqualTo("bluegene");
        assertThat(first.getMetrics().values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(17.0);
        assertThat(first.getMetrics()).containsKeys("ras_memory", "ras_kernel_register_dump");
        assertThat(card.get(1).getMetrics().values()).as("zeros are written, not left out").containsOnly(0.0)
                .hasSize(first.getMetrics().size());
    }

    @Test
    void failuresBecomeOutagesWithTheirCategoryAndAnAssumedRepair() {
        Path out = dir.resolve("bad");
        BlueGeneImportResult result = BlueGeneImporter.run(BlueGeneImportOptions.builder(BAD_FAILURES, BAD_WARNINGS, out).build());

        List<NodeEvent> events = RecordingReader.readAll(out, RecordingStream.NODE_EVENTS, NodeEvent.class);
        assertThat(events).extracting(NodeEvent::getType).containsExactly(NodeEventType.FAILED, NodeEventType.REPAIRED,
                NodeEventType.FAILED, NodeEventType.REPAIRED);
        assertThat(events).extracting(NodeEvent::getNodeId).containsOnly("R22-M0-N1");
        assertThat(events).extracting(NodeEvent::getTimestamp).containsExactly(Instant.parse("2005-07-06T02:30:00Z"),
                Instant.parse("2005-07-06T03:40:00Z"), Instant.parse("2005-07-06T03:45:00Z"), Instant.parse("2005-07-06T04:45:00Z"));
        assertThat(events).extracting(NodeEvent::getTick).containsExactly(3L, 4L, 4L, 5L);
        assertThat(EventCategory.of(events.get(0).getDetail())).contains("kernel-panic");
        assertThat(events.get(0).getDetail()).contains("rts panic!", "+1 more failure line");
        assertThat(EventCategory.of(events.get(2).getDetail())).contains("fs-mount");
        assertThat(EventCategory.of(events.get(1).getDetail())).isEmpty();
        assertThat(result.facts().outages().byCategory()).containsOnly(entry("kernel-panic", 1L), entry("fs-mount", 1L));
        assertThat(result.facts().failureLines().withoutCard()).containsOnly(entry("control-system", 1L));
    }

    @Test
    void malformedLinesAreSkippedAndCountedByReasonWithFileAndLine() {
        BlueGeneImportResult result = BlueGeneImporter.run(BlueGeneImportOptions.builder(BAD_FAILURES, BAD_WARNINGS, dir.resolve("m")).build());

        RasLineCounts w = result.facts().warningLines();
        assertThat(w.read()).isEqualTo(10);
        assertThat(w.skipped()).containsOnly(entry("BLANK_LINE", 1L), entry("BAD_TIMESTAMP", 1L), entry("TOO_FEW_FIELDS", 1L),
                entry("BAD_LOCATION", 1L));
        assertThat(w.skippedExamples().get("BAD_LOCATION")).singleElement().asString()
                .contains("warnings-malformed.txt:5:", "'X99-M0-N1' is not a card location");
        assertThat(w.skippedExamples().get("TOO_FEW_FIELDS")).singleElement().asString().contains("warnings-malformed.txt:4:");
        assertThat(w.withoutCard()).containsOnly(entry("job-kill", 1L));
        assertThat(w.onCards()).containsOnly(entry("app-load", 1L), entry("kernel-interrupt", 1L), entry("link-card", 1L),
                entry("monitor", 1L), entry("power", 1L));
        assertThat(result.facts().failureLines().skipped()).containsOnly(entry("BAD_TIMESTAMP", 1L));
        assertThat(result.facts().failureLines().skippedExamples().get("BAD_TIMESTAMP")).singleElement().asString()
                .contains("failures-malformed.txt:4:");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) RunManifest.read(dir.resolve("m")).get("summary");
        assertThat(summary).containsEntry("warningLinesSkipped", 4.0).containsEntry("failureLinesSkipped", 1.0);
    }

    @Test
    void everyLocationVariantReachesItsCard() {
        Path out = dir.resolve("v");
        BlueGeneImporter.run(BlueGeneImportOptions.builder(BAD_FAILURES, BAD_WARNINGS, out).build());

        Map<String, List<NodeTelemetry>> byCard = RecordingReader.readAll(out, RecordingStream.TELEMETRY, NodeTelemetry.class).stream()
                .collect(Collectors.groupingBy(NodeTelemetry::getNodeId));
        assertThat(byCard).containsOnlyKeys("R22-M0-N1", "R22-M0-L0");
        Map<String, Double> firstHour = byCard.get("R22-M0-N1").get(0).getMetrics();
        // a compute chip, a power-off naming the card under a NULL location, a monitor line with a NULL type
        assertThat(firstHour).containsEntry("ras_kernel_interrupt", 1.0).containsEntry("ras_power", 1.0)
                .containsEntry("ras_monitor", 1.0).containsEntry("ras_app_load", 0.0);
        assertThat(byCard.get("R22-M0-N1").get(1).getMetrics()).containsEntry("ras_app_load", 1.0); // the I/O chip, an hour later
        assertThat(byCard.get("R22-M0-L0").get(0).getMetrics()).containsEntry("ras_link_card", 1.0);
        assertThat(byCard.get("R22-M0-N1")).hasSize(5); // ticks 1..5: the files end at 05:00
    }

    @Test
    void strictModeStopsAtTheFirstMalformedLineNamingIt() {
        assertThatThrownBy(() -> BlueGeneImporter.run(BlueGeneImportOptions.builder(BAD_FAILURES, BAD_WARNINGS, dir.resolve("s"))
                .strict(true).build()))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("warnings-malformed.txt:2:")
                .hasMessageContaining("BLANK_LINE");
    }

    @Test
    void theManifestMakesItARecordingThatOfflineLearningReads() {
        Path out = dir.resolve("cut");
        BlueGeneImporter.run(cut(out).until(Instant.parse("2005-07-10T00:00:00Z")).build());

        RecordingFacts facts = RecordingFacts.read(out);
        assertThat(facts.policy()).isEqualTo("import:bluegene");
        assertThat(facts.tickSeconds()).hasValue(3600);
        assertThat(facts.observedUntil()).contains(Instant.parse("2005-07-10T00:00:00Z"));
        assertThat(facts.repairGrace()).contains(Duration.ZERO);
        assertThat(facts.silentAfter()).contains(Duration.ofHours(24));
        assertThat(facts.nodeGroup("R22-M0-N8")).isEqualTo("R22-M0");
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = (Map<String, Object>) RunManifest.read(out).get("scenario");
        assertThat(scenario.get("warningCategories")).asList().contains("kernel-interrupt", "app-load");
    }

    @Test
    void theSameInputGivesByteIdenticalRecordings() {
        BlueGeneImporter.run(cut(dir.resolve("a")).build());
        BlueGeneImporter.run(cut(dir.resolve("b")).build());

        assertThat(dir.resolve("a/manifest.json")).hasSameTextualContentAs(dir.resolve("b/manifest.json"));
        assertThat(dir.resolve("a/failure-trace.csv")).hasSameBinaryContentAs(dir.resolve("b/failure-trace.csv"));
    }

    /** A later period imported --like an earlier one has the earlier one's columns, whatever it logged. */
    @Test
    void aLaterPeriodImportedLikeAnEarlierOneHasItsColumns() {
        Instant cutAt = Instant.parse("2005-07-08T00:00:00Z");
        BlueGeneImportResult early = BlueGeneImporter.run(cut(dir.resolve("early")).until(cutAt).build());
        BlueGeneImportResult late = BlueGeneImporter.run(cut(dir.resolve("late")).from(cutAt).like(dir.resolve("early")).build());
        BlueGeneImportResult own = BlueGeneImporter.run(cut(dir.resolve("own")).from(cutAt).build());

        assertThat(late.facts().metrics()).isEqualTo(early.facts().metrics());
        assertThat(late.facts().likeRecording()).isEqualTo(early.facts().name());
        assertThat(late.facts().startTime()).isEqualTo("2005-07-08T00:00:00Z");
        assertThat(early.facts().observedUntil()).isEqualTo("2005-07-08T00:00:00Z");
        // every warning on a card of the later period is either in a column or counted as unmapped
        assertThat(late.facts().warningLines().onCardsTotal() + late.facts().warningLines().unmapped().values().stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(own.facts().warningLines().onCardsTotal());
        assertThat(late.facts().warningLines().unmapped().keySet()).doesNotContainAnyElementsOf(early.facts().warningCategories());
        assertThat(early.facts().warningLines().outsidePeriod() + late.facts().warningLines().outsidePeriod()).isEqualTo(1917);
        List<NodeTelemetry> telemetry = RecordingReader.readAll(dir.resolve("late"), RecordingStream.TELEMETRY, NodeTelemetry.class);
        assertThat(telemetry).allSatisfy(t -> assertThat(t.getMetrics().keySet()).containsExactlyInAnyOrderElementsOf(early.facts().metrics()));
    }

    @Test
    void likeNeedsABlueGeneImport() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("manifest.json"), "{\"policy\": \"import:backblaze\", \"scenario\": {}}");

        assertThatThrownBy(() -> BlueGeneImporter.run(cut(dir.resolve("x")).like(other).build()))
                .hasMessageContaining("is not a Blue Gene/L import");
    }

    @Test
    void theFailureTraceNamesNodeCardsByTheirIndexAndStartsAtTickZero() {
        Path out = dir.resolve("cut");
        BlueGeneImportResult result = BlueGeneImporter.run(cut(out).build());

        FailureTrace trace = FailureTraceFile.load(out.resolve(BlueGeneImporter.TRACE_FILE));
        assertThat(trace.entries()).hasSize((int) result.facts().outages().inTrace());
        assertThat(result.facts().outages().inTrace() + result.facts().outages().leftOutOfTrace())
                .isEqualTo(result.facts().outages().outages());
        // R22-M0-N8: rack 2*8+2 = 18, midplane 0, card 8 -> (18*2+0)*16+8 = 584
        List<NodeEvent> failures = RecordingReader.readAll(out, RecordingStream.NODE_EVENTS, NodeEvent.class).stream()
                .filter(e -> e.getType() == NodeEventType.FAILED && e.getNodeId().equals("R22-M0-N8")).toList();
        assertThat(trace.forNode(584)).hasSameSizeAs(failures);
        Instant start = Instant.parse(result.facts().startTime());
        assertThat(trace.forNode(584).get(0).failAtSeconds())
                .isEqualTo((failures.get(0).getTimestamp().toEpochMilli() - start.toEpochMilli()) / 1000.0);
        assertThat(trace.entries()).allSatisfy(e -> assertThat(e.repairSeconds()).isGreaterThanOrEqualTo(3600));
    }

    @Test
    void aMissingInputOrANonEmptyOutputIsAClearError() throws Exception {
        assertThatThrownBy(() -> BlueGeneImporter.run(BlueGeneImportOptions.builder(dir.resolve("none.log.gz"), CUT_WARNINGS,
                dir.resolve("x")).build())).hasMessageContaining("none.log.gz").hasMessageContaining("no such readable file");
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> BlueGeneImporter.run(cut(used).build())).hasMessageContaining("is not empty");
        assertThatThrownBy(() -> cut(used).from(Instant.parse("2005-07-08T00:00:00Z")).until(Instant.parse("2005-07-07T00:00:00Z")).build())
                .hasMessageContaining("must be before");
    }

    @Test
    void aTruncatedGzipFileIsNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(CUT_WARNINGS);
        Path truncated = Files.write(dir.resolve("cut.log.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> BlueGeneImporter.run(BlueGeneImportOptions.builder(CUT_FAILURES, truncated, dir.resolve("t")).build()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("cut.log.gz").hasMessageContaining("gzip");
    }

    /** The whole shared logs (2.7 MB gzip'd), against the dataset's README. */
    @Test
    void theSharedLogsMatchTheirReadme() {
        BlueGeneImportResult result = BlueGeneImporter.run(BlueGeneImportOptions.builder(
                SharedDatasets.file(SharedDatasets.BLUEGENE_FAILURES), SharedDatasets.file(SharedDatasets.BLUEGENE_WARNINGS),
                dir.resolve("full")).until(Instant.parse("2005-11-01T00:00:00Z")).build());

        BlueGeneDatasetFacts f = result.facts();
        assertThat(f.failureLines().read()).isEqualTo(53_620);
        assertThat(f.warningLines().read()).isEqualTo(240_156);
        assertThat(f.failureLines().skippedTotal() + f.warningLines().skippedTotal()).isZero();
        assertThat(f.failureLines().onCardsTotal() + f.failureLines().withoutCard().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(53_620);
        assertThat(f.startTime()).isEqualTo("2005-06-03T16:00:00Z");
        assertThat(f.sources()).extracting(s -> s.sha256()).containsExactly(
                "a8e4c6f15243904f9c001192226c92d1efa5abe43612edde14c1f1ca2df72e5c",
                "807ceea9bc5bdbc82aba13e30942090341e67c35eb58f46085073114bcd04d8c");
        // the figures docs/real-data.md quotes
        assertThat(f.outages().cards()).isEqualTo(1_327);
        assertThat(f.outages().cardsWithFailures()).isEqualTo(1_129);
        assertThat(f.outages().outages()).isEqualTo(15_398);
        assertThat(f.outages().byCategory()).containsEntry("kernel-panic", 5_623L).containsEntry("fs-mount", 9_694L);
    }
}
