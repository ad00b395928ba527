package dev.foresight.producers.recording;

import dev.foresight.schemas.codec.AvroTrust;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a run's records as Avro container files. Container files normally start with a random sync
 * marker; here it is derived from the run's identity, so that two runs of the same scenario and seed
 * produce byte-identical files: determinism can then be checked with a checksum.
 */
public final class RunRecorder implements AutoCloseable {

    private final Path directory;
    private final Map<RecordingStream, DataFileWriter<SpecificRecord>> writers = new EnumMap<>(RecordingStream.class);
    private final Map<RecordingStream, Long> counts = new EnumMap<>(RecordingStream.class);

    public RunRecorder(Path directory, String runIdentity) {
        this.directory = directory;
        try {
            AvroTrust.ensure();
            Files.createDirectories(directory);
            // an earlier run's manifest would vouch for files this recording is about to replace: until the new
            // manifest is written (last, by whoever finishes the run), the directory is no complete recording
            Files.deleteIfExists(directory.resolve(RunManifest.FILE_NAME));
            for (RecordingStream stream : RecordingStream.values()) {
                var schema = SpecificData.get().getSchema(stream.type());
                DataFileWriter<SpecificRecord> writer = new DataFileWriter<>(new SpecificDatumWriter<>(schema));
                writer.setCodec(CodecFactory.deflateCodec(6));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(directory.resolve(stream.fileName())));
                writer.create(schema, out, syncMarker(runIdentity, stream));
                writers.put(stream, writer);
                counts.put(stream, 0L);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot create the recording in " + directory + ": " + e.getMessage(), e);
        }
    }

    public void append(RecordingStream stream, SpecificRecord record) {
        try {
            writers.get(stream).append(record);
            counts.merge(stream, 1L, Long::sum);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + stream.fileName() + ": " + e.getMessage(), e);
        }
    }

    public Map<String, Long> counts() {
        Map<String, Long> byFile = new TreeMap<>();
        counts.forEach((stream, n) -> byFile.put(stream.fileName(), n));
        return byFile;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        UncheckedIOException failure = null;
        for (DataFileWriter<SpecificRecord> writer : writers.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                failure = new UncheckedIOException("cannot close a recording file in " + directory, e);
            }
        }
        writers.clear();
        if (failure != null) {
            throw failure;
        }
    }

    static byte[] syncMarker(String runIdentity, RecordingStream stream) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((runIdentity + "/" + stream.name()).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** SHA-256 of a file, hex. */
    public static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
