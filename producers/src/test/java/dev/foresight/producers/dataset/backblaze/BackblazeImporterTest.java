package dev.foresight.producers.dataset.backblaze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.RecordingFacts;
import dev.foresight.producers.dataset.SamplingWeights;
import dev.foresight.producers.dataset.SharedDatasets;
import dev.foresight.producers.recording.RecordingReader;
import dev.foresight.producers.recording.RecordingStream;
import dev.foresight.producers.recording.RunManifest;
import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import dev.foresight.schemas.NodeTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackblazeImporterTest {

    @TempDir
    Path dir;

    private static final Path CUT = SharedDatasets.resource("backblaze/drive-days-cut.csv");
    private static final Path MALFORMED = SharedDatasets.resource("backblaze/malformed.csv");

    private BackblazeImportResult importCut(Path out) {
        return BackblazeImporter.run(BackblazeImportOptions.of(List.of(CUT), out).withSampling(new SamplingWeights(5, 1)));
    }

    @Test
    void aCutOfTheSharedFileImportsEveryRowAsOneTickPerDay() {
        BackblazeImportResult result = importCut(dir.resolve("cut"));

        BackblazeDatasetFacts facts = result.facts();
        assertThat(facts.rowsRead()).isEqualTo(348);
        assertThat(facts.rowsImported()).isEqualTo(348);
        assertThat(facts.drives()).isEqualTo(10);
        assertThat(facts.failedDrives()).isEqualTo(3);
        assertThat(facts.skipped()).isEmpty();
        assertThat(result.days()).isEqualTo(40);
        assertThat(result.recordCounts()).contains(entry("telemetry.avro", 348L), entry("node-events.avro", 3L));
        assertThat(facts.metrics()).containsExactly("capacity_bytes", "smart_194_raw", "smart_197_raw", "smart_1_raw", "smart_5_raw",
                "smart_9_raw");
        assertThat(facts.startTime()).isEqualTo("2013-04-10T00:00:00Z");
        assertThat(facts.observedUntil()).isEqualTo("2013-05-20T00:00:00Z");
    }

    @Test
    void telemetryIsTheRawSmartValuesOfEachDriveDayInTickOrder() {
        Path out = dir.resolve("cut");
        importCut(out);

        List<NodeTelemetry> telemetry = RecordingReader.readAll(out, RecordingStream.TELEMETRY, NodeTelemetry.class);
        assertThat(telemetry).extracting(NodeTelemetry::getTick).isSorted();
        NodeTelemetry first = telemetry.stream().filter(t -> t.getNodeId().equals("6XW057BA")).findFirst().orElseThrow();
        assertThat(first.getTick()).isZero();
        assertThat(first.getTimestamp()).isEqualTo(Instant.parse("2013-04-10T00:00:00Z"));
        assertThat(first.getSource()).isEqualTo("backblaze");
        assertThat(first.getMetrics()).containsKeys("smart_5_raw", "smart_9_raw", "capacity_bytes")
                .containsEntry("capacity_bytes", 1_500_301_910_016.0);
        Map<String, Long> days = telemetry.stream().collect(Collectors.groupingBy(NodeTelemetry::getNodeId, Collectors.counting()));
        assertThat(days).containsEntry("6XW057BA", 15L).containsEntry("9VS36DTC", 22L).containsEntry("W1F08JL4", 31L)
                .containsEntry("JK11A8B9J7BJ3F", 40L);
    }

    @Test
    void aFailureIsOneFailedEventOnTheTickOfItsFailureRowAtTheEndOfThatDay() {
        Path out = dir.resolve("cut");
        importCut(out);

        List<NodeEvent> events = RecordingReader.readAll(out, RecordingStream.NODE_EVENTS, NodeEvent.class);
        assertThat(events).extracting(NodeEvent::getNodeId).containsExactly("6XW057BA", "9VS36DTC", "W1F08JL4");
        assertThat(events).allSatisfy(e -> assertThat(e.getType()).isEqualTo(NodeEventType.FAILED));
        NodeEvent first = events.get(0);
        assertThat(first.getTick()).isEqualTo(14); // 2013-04-24 is 14 days after 2013-04-10
        assertThat(first.getTimestamp()).isEqualTo(Instant.parse("2013-04-25T00:00:00Z"));
        assertThat(first.getDetail()).contains("2013-04-24", "ST31500541AS");
        NodeTelemetry lastDay = RecordingReader.readAll(out, RecordingStream.TELEMETRY, NodeTelemetry.class).stream()
                .filter(t -> t.getNodeId().equals("6XW057BA")).reduce((a, b) -> b).orElseThrow();
        assertThat(lastDay.getTick()).isEqualTo(first.getTick());
    }

    @Test
    void theManifestMakesItARecordingWithTheSamplingWeightsAndTheDatasetFacts() {
        Path out = dir.resolve("cut");
        importCut(out);

        Map<String, Object> manifest = RunManifest.read(out);
        assertThat(manifest).containsEntry("policy", "import:backblaze");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) manifest.get("summary");
        assertThat(summary).containsEntry("rowsRead", 348.0).containsEntry("failedDrives", 3.0).containsEntry("healthyNodeWeight", 5.0);
        RecordingFacts facts = RecordingFacts.read(out);
        assertThat(facts.tickSeconds()).hasValue(86_400);
        assertThat(facts.sampling()).isEqualTo(new SamplingWeights(5, 1));
        assertThat(facts.observedUntil()).contains(Instant.parse("2013-05-20T00:00:00Z"));
        assertThat(facts.policy()).isEqualTo("import:backblaze");
    }

    @Test
    void theSameInputGivesByteIdenticalRecordings() {
        importCut(dir.resolve("a"));
        importCut(dir.resolve("b"));

        assertThat(RunManifest.read(dir.resolve("a")).get("checksums")).isEqualTo(RunManifest.read(dir.resolve("b")).get("checksums"));
        assertThat(dir.resolve("a/manifest.json")).hasSameTextualContentAs(dir.resolve("b/manifest.json"));
    }

    @Test
    void malformedRowsAreSkippedAndCountedByReasonWithFileLineAndColumn() {
        BackblazeImportResult result = BackblazeImporter.run(BackblazeImportOptions.of(List.of(MALFORMED), dir.resolve("m")));

        BackblazeDatasetFacts facts = result.facts();
        assertThat(facts.rowsRead()).isEqualTo(17);
        assertThat(facts.rowsImported()).isEqualTo(8);
        assertThat(result.rowsSkipped()).isEqualTo(9);
        assertThat(facts.skipped()).containsOnly(
                entry("BLANK_LINE", 1L), entry("WRONG_COLUMN_COUNT", 1L), entry("BAD_DATE", 1L), entry("MISSING_SERIAL", 1L),
                entry("BAD_CAPACITY", 1L), entry("BAD_FAILURE_FLAG", 1L), entry("BAD_SMART_VALUE", 1L),
                entry("DUPLICATE_DRIVE_DAY", 1L), entry("AFTER_FAILURE", 1L));
        assertThat(result.skippedExamples().get("BAD_SMART_VALUE")).singleElement().asString()
                .endsWith("malformed.csv:10: column 15 (smart_5_raw): 'abc' is not a non-negative number");
        assertThat(result.skippedExamples().get("WRONG_COLUMN_COUNT")).singleElement().asString()
                .contains("malformed.csv:5:", "5 fields where the header has 85 columns");
        assertThat(result.skippedExamples().get("BAD_DATE")).singleElement().asString().contains(":6: column 1 (date)");
        assertThat(result.skippedExamples().get("AFTER_FAILURE")).singleElement().asString().contains(":16:");
        assertThat(facts.drives()).isEqualTo(3);
        assertThat(facts.failedDrives()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) RunManifest.read(dir.resolve("m")).get("summary");
        assertThat(summary).containsEntry("rowsSkipped", 9.0).containsEntry("skipped.BAD_SMART_VALUE", 1.0);
    }

    @Test
    void aQuotedModelWithACommaAndAnUnknownCapacityAreNotErrors() {
        Path out = dir.resolve("m");
        BackblazeImporter.run(BackblazeImportOptions.of(List.of(MALFORMED), out));

        List<NodeTelemetry> c = RecordingReader.readAll(out, RecordingStream.TELEMETRY, NodeTelemetry.class).stream()
                .filter(t -> t.getNodeId().equals("DRIVEC")).toList();
        assertThat(c).hasSize(3);
        assertThat(c.get(2).getMetrics()).doesNotContainKey("capacity_bytes").containsKey("smart_5_raw");
    }

    @Test
    void strictModeStopsAtTheFirstMalformedRowNamingIt() {
        assertThatThrownBy(() -> BackblazeImporter.run(BackblazeImportOptions.of(List.of(MALFORMED), dir.resolve("s")).withStrict(true)))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("malformed.csv:5:")
                .hasMessageContaining("WRONG_COLUMN_COUNT");
    }

    @Test
    void rowsGoingBackInTimeStopTheImportBecauseTheRecordingMustBeTickOrdered() {
        Path file = SharedDatasets.resource("backblaze/out-of-order.csv");

        assertThatThrownBy(() -> BackblazeImporter.run(BackblazeImportOptions.of(List.of(file), dir.resolve("o"))))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("out-of-order.csv:4: column 1 (date): 2013-04-10 comes after rows of 2013-04-11")
                .hasMessageContaining("date order");
    }

    @Test
    void aMissingInputOrANonEmptyOutputIsAClearError() throws Exception {
        assertThatThrownBy(() -> BackblazeImporter.run(BackblazeImportOptions.of(List.of(dir.resolve("none.csv")), dir.resolve("x"))))
                .hasMessageContaining("none.csv").hasMessageContaining("no such readable file");
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> importCut(used)).hasMessageContaining("is not empty").hasMessageContaining("--overwrite");
    }

    @Test
    void aFileWithoutTheRequiredColumnsSaysWhichIsMissing() throws Exception {
        Path file = dir.resolve("wrong.csv");
        Files.writeString(file, "date,serial,model\n2013-04-10,A,B\n");

        assertThatThrownBy(() -> BackblazeImporter.run(BackblazeImportOptions.of(List.of(file), dir.resolve("w"))))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("wrong.csv:1: the header has no column 'serial_number'");
    }

    /** The whole shared file (21 MB): streamed, it imports in seconds and matches the dataset's README. */
    @Test
    void theSharedFileMatchesItsReadme() {
        BackblazeImportResult result = BackblazeImporter.run(BackblazeImportOptions.of(
                List.of(SharedDatasets.file(SharedDatasets.BACKBLAZE)), dir.resolve("full")).withSampling(new SamplingWeights(5, 1)));

        assertThat(result.facts().rowsRead()).isEqualTo(138_124);
        assertThat(result.facts().rowsImported()).isEqualTo(138_124);
        assertThat(result.facts().drives()).isEqualTo(3_663);
        assertThat(result.facts().failedDrives()).isEqualTo(97);
        assertThat(result.days()).isEqualTo(40);
        assertThat(result.facts().sources().get(0).sha256())
                .isEqualTo("c1718351c22a3d46af0b2ba5ea812a54361f5bf9d6fec03779fc1d6e95b8ac3e");
    }
}
