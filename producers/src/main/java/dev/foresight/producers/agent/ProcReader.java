package dev.foresight.producers.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files of the {@code /proc} and {@code /sys} trees under a root ("/" on a host, a fixture directory
 * in tests). Hosts differ in what they expose (no hwmon in a VM, no EDAC without ECC memory, containers
 * hide sensors), so a missing or unreadable file is an empty answer, never an error; the first time a
 * path is missing it is logged at debug, then never again, so a 10-second loop does not flood the log.
 */
public final class ProcReader {

    private static final Logger LOG = LoggerFactory.getLogger(ProcReader.class);

    private final Path root;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public ProcReader(Path root) {
        this.root = root;
    }

    /** The host's own root. */
    public static ProcReader host() {
        return new ProcReader(Path.of("/"));
    }

    public Path root() {
        return root;
    }

    /** A path under the root, e.g. {@code resolve("proc/stat")}. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The lines of a file, or empty if it cannot be read. */
    public Optional<List<String>> lines(String relative) {
        return lines(resolve(relative));
    }

    public Optional<List<String>> lines(Path file) {
        try {
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            missing(file, e);
            return Optional.empty();
        }
    }

    /** The first line of a file, trimmed, or empty. Sysfs attributes are one value per file. */
    public Optional<String> value(Path file) {
        return lines(file).flatMap(l -> l.stream().findFirst()).map(String::trim);
    }

    /** A sysfs attribute as a number, or empty if absent or not a number (hex with a 0x prefix accepted). */
    public Optional<Double> number(Path file) {
        Optional<String> text = value(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        try {
            return Optional.of(t.startsWith("0x") ? (double) Long.parseLong(t.substring(2), 16) : Double.parseDouble(t));
        } catch (NumberFormatException e) {
            missing(file, e);
            return Optional.empty();
        }
    }

    /** The entries of a directory in name order, or none. */
    public List<Path> list(String relative) {
        return list(resolve(relative));
    }

    public List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            missing(directory, null);
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException | SecurityException e) {
            missing(directory, e);
            return List.of();
        }
    }

    private void missing(Path path, Exception why) {
        if (reported.add(path.toString())) {
            LOG.debug("{} is not available on this host ({}); its metrics are left out", path, why == null ? "absent" : why.toString());
        }
    }
}
