package dev.foresight.experiments.offline;

import dev.foresight.predictor.calibration.Calibration;
import java.util.List;
import java.util.Map;

/**
 * A model file written by {@code foresight train}: the fitted predictor (gzip'd Java serialization,
 * base64, as in a model release) with everything needed to use it on another recording: the feature
 * windows and metrics it was trained on, the horizon, and the calibrated threshold.
 *
 * @param format          {@value OfflineModelFile#FORMAT}
 * @param trainedOn       the recording's name
 * @param trainedOnPolicy who made that recording
 * @param algorithm       the learner
 * @param seed            the fit's seed
 * @param horizon         H, e.g. {@code 7d}
 * @param horizonMillis   H in milliseconds
 * @param windowSeconds   the trailing feature windows
 * @param metrics         the telemetry metrics the features are built from (read through the host load baselines,
 *                        {@code LoadBaselines.hostDefaults()}, where they have one)
 * @param nodeLife        whether the features include the node-life ones (null in files written before they existed)
 * @param featureNames    the model's columns, in order
 * @param labelEveryTicks the stride of labelled windows in training
 * @param threshold       alarm when the score is at or above it
 * @param calibration     how the threshold was chosen on the validation slice
 * @param validation      headline figures on the validation slice
 * @param split           how training and validation were cut
 * @param payloadEncoding the encoding of {@code payload}
 * @param payload         the predictor, base64
 */
public record OfflineModel(String format, String trainedOn, String trainedOnPolicy, String algorithm, long seed, String horizon,
                           long horizonMillis, List<Long> windowSeconds, List<String> metrics, Boolean nodeLife, List<String> featureNames,
                           int labelEveryTicks, double threshold, Calibration calibration, Map<String, Double> validation,
                           SplitSummary split, String payloadEncoding, String payload) {
}
