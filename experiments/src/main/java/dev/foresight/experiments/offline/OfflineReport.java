package dev.foresight.experiments.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.foresight.producers.dataset.SamplingWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An offline evaluation of one recording: what was read, how features were built, and one
 * {@link HorizonResult} per horizon. Written as JSON by {@link #writeJson}; NaN (an undefined ratio)
 * is written as the string "NaN".
 *
 * @param recording        the recording directory as given
 * @param name             its scenario or dataset name
 * @param policy           who made it (a policy label, or {@code import:<dataset>})
 * @param tick             the tick length, e.g. {@code 1d}
 * @param windows          the trailing feature windows
 * @param metrics          the metrics features were built from
 * @param labelEveryTicks  the stride of labelled windows
 * @param telemetryRecords telemetry records read
 * @param nodes            nodes in the recording
 * @param failures         failures recorded
 * @param windowsExtracted feature vectors computed
 * @param features         features per vector
 * @param sampling         sampling weights applied to every figure that counts windows
 * @param model            algorithm and seed (or the model file evaluated)
 * @param targetPrecision  the calibration target
 * @param horizons         the results
 */
public record OfflineReport(String recording, String name, String policy, String tick, List<String> windows, List<String> metrics,
                            int labelEveryTicks, long telemetryRecords, int nodes, long failures, int windowsExtracted, int features,
                            SamplingWeights sampling, String model, double targetPrecision, List<HorizonResult> horizons) {

    public OfflineReport {
        windows = List.copyOf(windows);
        metrics = List.copyOf(metrics);
        horizons = List.copyOf(horizons);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void writeJson(Path file) {
        try {
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the report: " + e.getMessage(), e);
        }
    }
}
