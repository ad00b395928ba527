package dev.foresight.producers.dataset;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared datasets are: {@code -Dforesight.datasets=DIR}, else {@code shared/datasets} in the
 * nearest directory above the working directory that has one (the checkout sits next to {@code shared/}).
 * A missing dataset fails the test that needs it, with this explanation, rather than skipping it.
 */
public final class SharedDatasets {

    public static final String BACKBLAZE = "backblaze-smart-2013/drive_days_2013-04-10_2013-05-19.csv";
    public static final String BLUEGENE_FAILURES = "bluegene-l-ras-2005/bgl-failures_before-2005-11-01.log.gz";
    public static final String BLUEGENE_WARNINGS = "bluegene-l-ras-2005/bgl-warnings_before-2005-11-01.log.gz";
    public static final String LANL = "lanl-failures-1996-2005/LA-UR-05-7318-failure-data_before-2004-07-01.csv";

    private SharedDatasets() {
    }

    public static Path file(String relative) {
        String configured = System.getProperty("foresight.datasets");
        if (configured != null) {
            return require(Path.of(configured).resolve(relative));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/datasets").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared dataset " + relative + " not found in shared/datasets above " + Path.of("").toAbsolutePath()
                + "; set -Dforesight.datasets=DIR");
    }

    private static Path require(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("shared dataset " + file + " not found (-Dforesight.datasets)");
        }
        return file;
    }

    /** A test resource under {@code datasets/}. */
    public static Path resource(String relative) {
        try {
            return Path.of(SharedDatasets.class.getResource("/datasets/" + relative).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource datasets/" + relative + " is missing", e);
        }
    }
}
