/**
 * Getting a model into production: {@link dev.foresight.predictor.release.ModelCodec} (model
 * bytes), {@link dev.foresight.predictor.release.ChampionChallenger} (release or not) and
 * {@link dev.foresight.predictor.release.ExampleBuffer} (the bounded, changelogged training set).
 */
package dev.foresight.predictor.release;
