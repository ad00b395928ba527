package dev.foresight.predictor.evaluation;

/**
 * One point of a precision-recall curve: alarm when score {@code >= threshold}.
 *
 * @param threshold the score cut
 * @param precision weighted precision at that cut (NaN if nothing alarms)
 * @param recall    weighted recall at that cut
 */
public record PrPoint(double threshold, double precision, double recall) {
}
