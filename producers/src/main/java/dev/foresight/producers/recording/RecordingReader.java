package dev.foresight.producers.recording;

import dev.foresight.schemas.codec.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Reads the Avro container files of a recording back as Foresight records. */
public final class RecordingReader {

    private RecordingReader() {}

    public static <T extends SpecificRecord> void forEach(Path runDir, RecordingStream stream, Class<T> type, Consumer<T> action) {
        AvroTrust.ensure();
        Path file = runDir.resolve(stream.fileName());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDir + " is not a complete recording: " + stream.fileName() + " is missing");
        }
        try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
            for (T record : reader) {
                action.accept(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a readable Avro container file: " + e.getMessage(), e);
        }
    }

    public static <T extends SpecificRecord> List<T> readAll(Path runDir, RecordingStream stream, Class<T> type) {
        List<T> all = new ArrayList<>();
        forEach(runDir, stream, type, all::add);
        return all;
    }
}
