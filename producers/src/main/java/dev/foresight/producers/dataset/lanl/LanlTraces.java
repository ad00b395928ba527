package dev.foresight.producers.dataset.lanl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.producers.dataset.DatasetFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads LANL failure traces from what a user points at: an imported trace directory or the original CSV. */
public final class LanlTraces {

    private LanlTraces() {
    }

    /**
     * A directory written by {@link LanlImporter#write} (its index gives the collapse counts), a directory of
     * {@code system-*.csv} traces, or a LANL CSV file (imported in memory, malformed rows skipped and counted).
     */
    public static LanlDataset load(Path dirOrCsv) {
        if (Files.isRegularFile(dirOrCsv)) {
            return LanlImporter.read(dirOrCsv, false);
        }
        if (!Files.isDirectory(dirOrCsv)) {
            throw new IllegalArgumentException(dirOrCsv + ": no such file or directory");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dirOrCsv)) {
            files = entries.filter(p -> p.getFileName().toString().matches("system-.+\\.csv")).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dirOrCsv + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dirOrCsv + " holds no system-*.csv trace: import the LANL CSV first "
                    + "(foresight dataset import lanl CSV -o DIR) or give the CSV itself");
        }
        Map<String, CollapseCounts> counts = countsFromIndex(dirOrCsv.resolve(LanlImporter.INDEX));
        List<SystemTrace> systems = new ArrayList<>();
        for (Path file : files) {
            SystemTrace trace = FailureTraceFile.read(file);
            CollapseCounts known = counts.get(trace.system());
            systems.add(known == null ? trace : new SystemTrace(trace.system(), trace.epoch(), trace.outages(), known));
        }
        systems.sort((a, b) -> LanlImporter.SYSTEM_ORDER.compare(a.system(), b.system()));
        long rows = systems.stream().mapToLong(s -> s.counts().records()).sum();
        return new LanlDataset(List.of(), rows, systems, Map.of(), Map.of());
    }

    private static Map<String, CollapseCounts> countsFromIndex(Path index) {
        Map<String, CollapseCounts> counts = new LinkedHashMap<>();
        if (!Files.isRegularFile(index)) {
            return counts;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(index.toFile());
            for (JsonNode system : root.path("systems")) {
                counts.put(system.path("system").asText(), new CollapseCounts(system.path("records").asLong(),
                        system.path("sameEventMerged").asLong(), system.path("overlapsMerged").asLong(),
                        system.path("systemWide").asLong()));
            }
        } catch (IOException e) {
            throw new DatasetFormatException(index, 0, "not a valid trace index: " + e.getMessage(), e);
        }
        return counts;
    }
}
