package dev.foresight.producers.recording;

import dev.foresight.schemas.codec.AvroTrust;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileStream;
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
        Recorded recorded = Recorded.of(runDir, stream.fileName());
        MessageDigest digest = sha256();
        try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
             DataFileStream<T> reader = new DataFileStream<>(in, new SpecificDatumReader<>(type))) {
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
            in.transferTo(OutputStream.nullOutputStream()); // whatever follows the last block belongs to the file too
            // Avro ends quietly at a block cut short, so a truncated file would pass for a shorter recording
            if (recorded.count() >= 0 && recorded.count() != read) {
                throw damaged(file + " holds " + read + " records but the recording's " + RunManifest.FILE_NAME + " says "
                        + recorded.count() + ": the file is truncated or not the one recorded");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (recorded.sha256() != null && !recorded.sha256().equalsIgnoreCase(actual)) {
                throw damaged(file + " has SHA-256 " + actual + " but the recording's " + RunManifest.FILE_NAME + " says "
                        + recorded.sha256() + ": the file changed since it was recorded");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a readable Avro container file: " + e.getMessage(), e);
        }
    }

    private static UncheckedIOException damaged(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * What the recording's manifest says of one file: its record count (-1: not given) and SHA-256 (null: not given).
     * Both absent when the directory has no manifest yet (a run still recording).
     */
    private record Recorded(long count, String sha256) {

        static Recorded of(Path runDir, String fileName) {
            if (!Files.isRegularFile(runDir.resolve(RunManifest.FILE_NAME))) {
                return new Recorded(-1, null);
            }
            Map<String, Object> manifest = RunManifest.read(runDir);
            return new Recorded(recordedCount(runDir, manifest.get("recordCounts"), fileName),
                    recordedChecksum(runDir, manifest.get("checksums"), fileName));
        }
    }

    private static String recordedChecksum(Path runDir, Object checksums, String fileName) {
        if (checksums == null) {
            return null;
        }
        if (!(checksums instanceof Map<?, ?> byFile)) {
            throw new IllegalArgumentException(runDir.resolve(RunManifest.FILE_NAME) + ": checksums must be an object of "
                    + "file name to SHA-256, not " + checksums);
        }
        Object sum = byFile.get(fileName);
        if (sum != null && !(sum instanceof String text && text.matches("[0-9a-fA-F]{64}"))) {
            throw new IllegalArgumentException(runDir.resolve(RunManifest.FILE_NAME) + ": checksums." + fileName
                    + " must be 64 hexadecimal digits (SHA-256), not " + sum);
        }
        return (String) sum;
    }

    /** The count a manifest's {@code recordCounts} gives for a file, or -1 when it gives none. */
    private static long recordedCount(Path runDir, Object counts, String fileName) {
        if (counts == null) {
            return -1;
        }
        if (!(counts instanceof Map<?, ?> byFile)) {
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
