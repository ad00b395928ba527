package dev.foresight.producers.dataset.bluegene;

import dev.foresight.producers.dataset.DatasetFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Streams the lines of a RAS log, gzip'd (as shared) or plain, with their 1-based numbers. */
final class RasLogFile {

    /** Receives each line. */
    interface LineSink {
        void accept(String line, long number);
    }

    private RasLogFile() {
    }

    static void forEachLine(Path file, LineSink sink) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new DatasetFormatException(file, 0, "no such readable file");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new InputStreamReader(gunzipped(raw), StandardCharsets.UTF_8))) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(line, ++number);
            }
        } catch (java.io.EOFException e) {
            throw new DatasetFormatException(file, 0, "the gzip file ends early (truncated?)", e);
        } catch (java.util.zip.ZipException e) {
            throw new DatasetFormatException(file, 0, "a damaged gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The stream itself, or its decompression when it starts with gzip's magic bytes. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
