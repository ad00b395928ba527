package dev.foresight.producers.recording;

import dev.foresight.schemas.codec.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.AvroRuntimeException;
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
            long read = 0;
            while (true) {
                T record;
                try {
                    if (!reader.hasNext()) {
                        break;
                    }
                    record = reader.next();
                } catch (AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
                    // a cut or damaged block fails while iterating, as an unchecked Avro error that names no file
                    throw new UncheckedIOException(file + " is damaged after record " + read + ": " + describe(e),
                            new IOException(e));
                }
                read++;
                action.accept(record);
            }
            // Avro ends quietly at a block cut short, so a truncated file would pass for a shorter recording
            long expected = recordedCount(runDir, stream.fileName());
            if (expected >= 0 && expected != read) {
                String message = file + " holds " + read + " records but the recording's " + RunManifest.FILE_NAME + " says "
                        + expected + ": the file is truncated or not the one recorded";
                throw new UncheckedIOException(message, new IOException(message));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a readable Avro container file: " + e.getMessage(), e);
        }
    }

    /** The count the recording's manifest gives for a file, or -1 when there is no manifest (yet) or it gives none. */
    private static long recordedCount(Path runDir, String fileName) {
        if (!Files.isRegularFile(runDir.resolve(RunManifest.FILE_NAME))) {
            return -1;
        }
        Object counts = RunManifest.read(runDir).get("recordCounts");
        if (counts == null) {
            return -1;
        }
        if (!(counts instanceof java.util.Map<?, ?> byFile)) {
            throw new IllegalArgumentException(runDir.resolve(RunManifest.FILE_NAME) + ": recordCounts must be an object of "
                    + "file name to count, not " + counts);
        }
        Object count = byFile.get(fileName);
        if (count == null) {
            return -1;
        }
        if (!(count instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
            throw new IllegalArgumentException(runDir.resolve(RunManifest.FILE_NAME) + ": recordCounts." + fileName
                    + " must be a whole number >= 0, not " + count);
        }
        return n.longValue();
    }

    /** The innermost message: Avro wraps the decoder's EOFException ("cut short") in its own exception. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof java.io.EOFException ? "the file ends in the middle of a block (truncated?)"
                : root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return what;
    }

    public static <T extends SpecificRecord> List<T> readAll(Path runDir, RecordingStream stream, Class<T> type) {
        List<T> all = new ArrayList<>();
        forEach(runDir, stream, type, all::add);
        return all;
    }
}
