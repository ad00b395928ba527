package dev.foresight.experiments.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A sweep's finished runs, one small JSON file each ({@code DIR/results/seed-N/POLICY.json}). A file is
 * written whole to a temporary name and then renamed, so an interrupted sweep leaves either a complete
 * result or none, never half of one.
 */
final class ResultStore {

    /** What the store holds for a run, judged against the identity the sweep would run it with now. */
    sealed interface Lookup permits Missing, Done, Stale, Unreadable {}

    record Missing() implements Lookup {}

    record Done(StoredRun run) implements Lookup {}

    /** A result of another scenario, option set or code: not comparable with the runs made now. */
    record Stale(String differences) implements Lookup {}

    record Unreadable(String why) implements Lookup {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path results;

    ResultStore(Path sweepDir) {
        this.results = sweepDir.resolve("results");
    }

    Path file(RunKey key) {
        return results.resolve("seed-" + key.seed()).resolve(key.policy().label() + ".json");
    }

    Lookup lookup(RunKey key, RunIdentity expected) {
        Path file = file(key);
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException e) {
            return new Unreadable(e.getMessage());
        }
        if (tree == null || tree.path("format").asInt() != StoredRun.FORMAT) {
            return new Unreadable("not a sweep result of format " + StoredRun.FORMAT);
        }
        try {
            // the identity first: a result of other code may not even bind to today's classes
            RunIdentity identity = JSON.treeToValue(tree.get("identity"), RunIdentity.class);
            if (!identity.equals(expected)) {
                return new Stale(String.join("; ", expected.differences(identity)));
            }
            return new Done(JSON.treeToValue(tree, StoredRun.class));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return new Unreadable(e.getMessage());
        }
    }

    void write(RunKey key, StoredRun run) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            JSON.writeValue(temporary.toFile(), run);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result of " + key + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
