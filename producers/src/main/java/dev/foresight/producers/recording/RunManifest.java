package dev.foresight.producers.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a recording: what ran (scenario, seed, policy, versions), what it wrote
 * (files, record counts, SHA-256) and what it measured (summary). Nothing in it depends on the wall
 * clock or the machine, so two identical runs have identical manifests too. {@code failureTrace} (file name
 * and SHA-256) is there only when the run replayed real failures instead of drawing them; {@code initialModel} (the
 * provenance of the model its learned predictor started from) only when there was one.
 */
public record RunManifest(String formatVersion, Object scenario, long seed, String policy, Map<String, String> versions,
                          Map<String, Long> recordCounts, Map<String, String> checksums, Map<String, Double> summary,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> failureTrace,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> initialModel) {

    public static final String FORMAT_VERSION = "1";
    public static final String FILE_NAME = "manifest.json";

    public RunManifest {
        versions = new TreeMap<>(versions);
        recordCounts = new TreeMap<>(recordCounts);
        checksums = new TreeMap<>(checksums);
        failureTrace = failureTrace == null ? null : new TreeMap<>(failureTrace);
        initialModel = initialModel == null ? null : new TreeMap<>(initialModel);
    }

    /** A manifest of a run whose failures were drawn from the seed. */
    public RunManifest(String formatVersion, Object scenario, long seed, String policy, Map<String, String> versions,
                       Map<String, Long> recordCounts, Map<String, String> checksums, Map<String, Double> summary) {
        this(formatVersion, scenario, seed, policy, versions, recordCounts, checksums, summary, null, null);
    }

    /** A manifest of a run without an initial model. */
    public RunManifest(String formatVersion, Object scenario, long seed, String policy, Map<String, String> versions,
                       Map<String, Long> recordCounts, Map<String, String> checksums, Map<String, Double> summary,
                       Map<String, String> failureTrace) {
        this(formatVersion, scenario, seed, policy, versions, recordCounts, checksums, summary, failureTrace, null);
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public Path write(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            mapper().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Reads a manifest; the error names the file and what is wrong with it. */
    public static Map<String, Object> read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(directory + " is not a recording: " + FILE_NAME + " is missing");
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = mapper().readValue(file.toFile(), Map.class);
            if (m == null) {
                throw new IllegalArgumentException(file + " holds null, not a manifest object");
            }
            return m;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
