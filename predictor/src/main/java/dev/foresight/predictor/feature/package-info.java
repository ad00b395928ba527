/**
 * From telemetry samples to feature vectors: {@link dev.foresight.predictor.feature.SlidingWindow}
 * keeps a node's recent samples, {@link dev.foresight.predictor.feature.FeatureExtractor}
 * summarises them over trailing windows, {@link dev.foresight.predictor.feature.FeatureSchema}
 * fixes the column order a model expects.
 */
package dev.foresight.predictor.feature;
