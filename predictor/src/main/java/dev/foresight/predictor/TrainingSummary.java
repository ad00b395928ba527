package dev.foresight.predictor;

import java.io.Serializable;

/**
 * What a {@link FailurePredictor} was fitted on. Deliberately holds no wall-clock figure (fit
 * time, date), so that the same fit always serializes to the same bytes.
 *
 * @param algorithm     the learner
 * @param seed          the fit's seed
 * @param examples      examples given to the fit
 * @param positives     of which positive
 * @param negatives     of which negative
 * @param negativesUsed negatives left after negative sampling
 * @param balanceFactor the class-balance ratio applied: for the random forest, the factor by
 *                      which each tree's negatives are drawn down; for boosting and logistic
 *                      regression, how many times each positive is repeated; 1 when not balanced
 * @param features      number of features
 */
public record TrainingSummary(Algorithm algorithm, long seed, int examples, int positives, int negatives,
                              int negativesUsed, int balanceFactor, int features) implements Serializable {
}
