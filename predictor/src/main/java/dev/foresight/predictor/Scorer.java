package dev.foresight.predictor;

import java.io.Serializable;

/** A fitted learner behind {@link FailurePredictor}: scores an imputed, finite row. */
sealed interface Scorer extends Serializable permits ForestScorer, BoostingScorer, LogisticScorer {

    /** Probability-like score of the failure class, in [0, 1]. */
    double score(double[] row);

    /** Importance of each feature as the learner measures it (impurity decrease, or |standardised coefficient|). */
    double[] importance();
}
