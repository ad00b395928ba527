/**
 * Node-failure prediction: {@link dev.foresight.predictor.FailurePredictor} fitted on labelled
 * {@link dev.foresight.predictor.Example}s with {@link dev.foresight.predictor.PredictorOptions}.
 *
 * <p>Sub-packages: {@code feature} (telemetry windows to feature vectors), {@code label}
 * (failure and repair history to labels), {@code calibration} (time-ordered splits, alarm
 * thresholds), {@code evaluation} (precision, recall, PR-AUC, lead times, false alarms) and
 * {@code release} (model bytes, champion/challenger, the bounded training buffer).
 * Pure Java and Smile; no Kafka, no I/O beyond byte arrays.
 */
package dev.foresight.predictor;
