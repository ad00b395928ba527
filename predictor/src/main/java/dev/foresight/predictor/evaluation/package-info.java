/**
 * How good a scorer is: {@link dev.foresight.predictor.evaluation.Evaluation} produces an
 * {@link dev.foresight.predictor.evaluation.EvaluationReport} (window-level precision, recall,
 * PR-AUC; event-level lead times and false alarms per node-day), all from one
 * {@link dev.foresight.predictor.evaluation.OperatingCurve}.
 */
package dev.foresight.predictor.evaluation;
