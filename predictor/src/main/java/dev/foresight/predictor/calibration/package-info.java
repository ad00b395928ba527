/**
 * Choosing an alarm threshold on data newer than the training data:
 * {@link dev.foresight.predictor.calibration.TimeOrderedSplit} and
 * {@link dev.foresight.predictor.calibration.ThresholdCalibrator}.
 */
package dev.foresight.predictor.calibration;
