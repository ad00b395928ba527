package dev.foresight.producers.dataset.backblaze;

import dev.foresight.producers.dataset.SamplingWeights;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to import and how.
 *
 * @param inputs    Backblaze daily CSV files, in date order (each file's rows in date order too)
 * @param output    the recording directory to write
 * @param sampling  how the drives were sampled (the shared 2013 slice: healthy ×5, failed ×1); recorded
 *                  in the manifest for evaluation, the telemetry itself is not changed
 * @param strict    stop at the first malformed row instead of skipping and counting it
 * @param overwrite write into a directory that already holds files
 * @param versions  code versions to record in the manifest (e.g. {@code foresight=0.1.0})
 */
public record BackblazeImportOptions(List<Path> inputs, Path output, SamplingWeights sampling, boolean strict,
                                     boolean overwrite, Map<String, String> versions) {

    public BackblazeImportOptions {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input file to import");
        }
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(sampling, "sampling");
        versions = Map.copyOf(versions);
    }

    /** Unweighted, lenient (skip and count malformed rows), no overwrite. */
    public static BackblazeImportOptions of(List<Path> inputs, Path output) {
        return new BackblazeImportOptions(inputs, output, SamplingWeights.none(), false, false, Map.of());
    }

    public BackblazeImportOptions withSampling(SamplingWeights value) {
        return new BackblazeImportOptions(inputs, output, value, strict, overwrite, versions);
    }

    public BackblazeImportOptions withStrict(boolean value) {
        return new BackblazeImportOptions(inputs, output, sampling, value, overwrite, versions);
    }

    public BackblazeImportOptions withOverwrite(boolean value) {
        return new BackblazeImportOptions(inputs, output, sampling, strict, value, versions);
    }

    public BackblazeImportOptions withVersions(Map<String, String> value) {
        return new BackblazeImportOptions(inputs, output, sampling, strict, overwrite, value);
    }
}
