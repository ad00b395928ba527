package dev.foresight.experiments.offline;

import dev.foresight.producers.dataset.SamplingWeights;
import dev.foresight.producers.dataset.backblaze.BackblazeImportOptions;
import dev.foresight.producers.dataset.backblaze.BackblazeImporter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared Backblaze slice, thinned for unit tests: every failed drive and one healthy drive in
 * {@code keepOneIn} (by a hash of the serial), imported with the weights that undo both samplings
 * (the slice's own 5x and this one).
 */
final class SharedBackblaze {

    static final String FILE = "backblaze-smart-2013/drive_days_2013-04-10_2013-05-19.csv";

    private SharedBackblaze() {
    }

    static Path file() {
        String configured = System.getProperty("foresight.datasets");
        if (configured != null) {
            return Path.of(configured).resolve(FILE);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared dataset " + FILE + " not found in shared/datasets above " + Path.of("").toAbsolutePath()
                + "; set -Dforesight.datasets=DIR");
    }

    static Path thinnedRecording(Path dir, int keepOneIn) {
        Path source = file();
        Set<String> failed = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", 6);
                if (f[4].equals("1")) {
                    failed.add(f[1]);
                }
            }
            Path cut = dir.resolve("thinned.csv");
            try (BufferedReader again = Files.newBufferedReader(source, StandardCharsets.UTF_8);
                 Writer out = Files.newBufferedWriter(cut, StandardCharsets.UTF_8)) {
                out.write(again.readLine() + "\n");
                for (String line = again.readLine(); line != null; line = again.readLine()) {
                    String serial = line.split(",", 3)[1];
                    if (failed.contains(serial) || bucket(serial) % keepOneIn == 0) {
                        out.write(line + "\n");
                    }
                }
            }
            Path recording = dir.resolve("thinned");
            BackblazeImporter.run(BackblazeImportOptions.of(List.of(cut), recording)
                    .withSampling(new SamplingWeights(5.0 * keepOneIn, 1)));
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bucket(String serial) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("test-thinning/" + serial).getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xff) | ((h[1] & 0xff) << 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
