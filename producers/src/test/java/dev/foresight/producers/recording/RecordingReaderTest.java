package dev.foresight.producers.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.schemas.NodeEvent;
import dev.foresight.schemas.NodeEventType;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged recording file is named in the error, with how far reading got; an intact one reads back whole. */
class RecordingReaderTest {

    @TempDir
    Path dir;

    /** Node events in blocks of about 1 KB, so a cut falls inside a later block. */
    private Path write(int events) throws Exception {
        Path file = dir.resolve(RecordingStream.NODE_EVENTS.fileName());
        try (DataFileWriter<NodeEvent> writer = new DataFileWriter<>(new SpecificDatumWriter<>(NodeEvent.class))) {
            writer.setSyncInterval(1024);
            writer.create(NodeEvent.getClassSchema(), file.toFile());
            for (int i = 0; i < events; i++) {
                writer.append(new NodeEvent("node-" + i % 7, Instant.ofEpochSecond(i), (long) i, NodeEventType.FAILED,
                        "failure number " + i, "memory"));
            }
        }
        return file;
    }

    @Test
    void anIntactFileReadsBackWhole() throws Exception {
        write(500);
        assertThat(RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class)).hasSize(500)
                .extracting(NodeEvent::getTick).startsWith(0L, 1L, 2L).endsWith(499L);
    }

    @Test
    void aTruncatedFileIsCaughtByTheManifestsCount() throws Exception {
        Path file = write(500);
        manifest("{\"recordCounts\": {\"node-events.avro\": 500}}");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length * 8 / 10));
        List<NodeEvent> seen = new ArrayList<>();

        // Avro itself ends quietly at the cut block: only the recorded count tells
        assertThatThrownBy(() -> RecordingReader.forEach(dir, RecordingStream.NODE_EVENTS, NodeEvent.class, seen::add))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage(file + " holds " + seen.size() + " records but the recording's manifest.json says 500: the file is "
                        + "truncated or not the one recorded");
        assertThat(seen).isNotEmpty().hasSizeLessThan(500);
    }

    @Test
    void aManifestThatIsNullOrMistypedIsNamed() throws Exception {
        write(5);
        manifest("null");
        assertThatThrownBy(() -> RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("manifest.json holds null, not a manifest object");
        manifest("{\"recordCounts\": {\"node-events.avro\": \"five\"}}");
        assertThatThrownBy(() -> RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json: recordCounts.node-events.avro must be a whole number >= 0, not five");
        manifest("{\"recordCounts\": [5]}");
        assertThatThrownBy(() -> RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordCounts must be an object");
        manifest("{\"recordCounts\": {\"node-events.avro\": 5}}");
        assertThat(RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class)).hasSize(5);
    }

    @Test
    void aNewRecordingWithdrawsThePreviousRunsManifest() throws Exception {
        write(5);
        manifest("{\"recordCounts\": {\"node-events.avro\": 5}}");

        try (RunRecorder recorder = new RunRecorder(dir, "second run")) {
            recorder.append(RecordingStream.NODE_EVENTS, new NodeEvent("node-1", Instant.EPOCH, 0L, NodeEventType.FAILED, null, null));
            assertThat(dir.resolve("manifest.json")).as("no stale counts while the new run records").doesNotExist();
        }
        assertThat(RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class)).hasSize(1);
    }

    @Test
    void aFileThatStillDecodesButChangedIsCaughtByItsChecksum() throws Exception {
        Path file = write(500);
        manifest("{\"recordCounts\": {\"node-events.avro\": 500}, \"checksums\": {\"node-events.avro\": \""
                + RunRecorder.sha256(file) + "\"}}");
        assertThat(RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class)).hasSize(500);

        // one letter of one event's text: every record still decodes, and the count still matches
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "failure number 250".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes[at] = 'F';
        Files.write(file, bytes);

        assertThatThrownBy(() -> RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(file + " has SHA-256 " + RunRecorder.sha256(file) + " but the recording's manifest.json says ")
                .hasMessageEndingWith(": the file changed since it was recorded");
        manifest("{\"checksums\": {\"node-events.avro\": \"abc\"}}");
        assertThatThrownBy(() -> RecordingReader.readAll(dir, RecordingStream.NODE_EVENTS, NodeEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("manifest.json: checksums.node-events.avro must be 64 hexadecimal digits (SHA-256), not abc");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private void manifest(String json) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), json);
    }

    @Test
    void damagedBytesAreNamedWithTheFile() throws Exception {
        Path file = write(500);
        byte[] bytes = Files.readAllBytes(file);
        // overwrite the middle of the data with 0xFF: varints that never end, or negative lengths
        Arrays.fill(bytes, bytes.length / 2, bytes.length / 2 + 64, (byte) 0xFF);
        Files.write(file, bytes);

        assertThatThrownBy(() -> RecordingReader.forEach(dir, RecordingStream.NODE_EVENTS, NodeEvent.class, e -> { }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith(file + " is damaged after record ");
    }

    @Test
    void anExceptionOfTheCallersActionIsNotBlamedOnTheFile() throws Exception {
        write(10);
        assertThatThrownBy(() -> RecordingReader.forEach(dir, RecordingStream.NODE_EVENTS, NodeEvent.class, e -> {
            throw new IllegalStateException("the caller's own failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the caller's own failure");
    }
}
