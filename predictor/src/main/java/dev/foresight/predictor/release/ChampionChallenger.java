package dev.foresight.predictor.release;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.evaluation.OperatingCurve;
import dev.foresight.predictor.feature.FeatureSchema;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a newly trained model (the challenger) replaces the released one (the
 * champion), by their PR-AUC (weighted average precision) on recent held-out examples that
 * neither was trained on.
 *
 * <p>PR-AUC rather than precision or recall at a threshold: it judges the ranking, which is what
 * a model contributes, independently of a threshold each model calibrates for itself; and unlike
 * ROC-AUC it is not flattered by the mass of easy healthy windows. Without a champion, the
 * challenger is compared with a constant scorer, whose PR-AUC is the base rate.
 */
public final class ChampionChallenger {

    private ChampionChallenger() {
    }

    /** Decides with {@link ReleasePolicy#defaults()}. */
    /** Distinct failures (node and failure time) among the positive examples; one without a lead counts per window. */
    static int distinctFailures(List<Example> examples) {
        java.util.Set<String> failures = new java.util.HashSet<>();
        for (Example e : examples) {
            if (e.failed()) {
                Long at = e.failureTimeMillis();
                failures.add(e.nodeId() + "@" + (at != null ? at : "window " + e.timeMillis()));
            }
        }
        return failures.size();
    }

    public static ReleaseDecision decide(FailurePredictor champion, FailurePredictor challenger, List<Example> heldOut) {
        return decide(champion, challenger, heldOut, ReleasePolicy.defaults());
    }

    /**
     * @param champion   the released model, or null if none is released yet
     * @param challenger the candidate
     * @param heldOut    recent examples laid out in the challenger's schema; if the champion was
     *                   trained on another schema they are realigned to it by feature name
     * @param policy     margin and minimum evidence
     */
    public static ReleaseDecision decide(FailurePredictor champion, FailurePredictor challenger, List<Example> heldOut,
                                         ReleasePolicy policy) {
        Objects.requireNonNull(challenger, "challenger");
        Objects.requireNonNull(policy, "policy");
        int positives = (int) heldOut.stream().filter(Example::failed).count();
        int failures = distinctFailures(heldOut);
        if (failures < policy.minPositives()) {
            return new ReleaseDecision(false, Double.NaN, Double.NaN, policy.minMargin(), heldOut.size(), positives,
                    "held-out set has " + positives + " positive windows of " + failures + " distinct failures, fewer than the "
                            + policy.minPositives() + " failures needed to judge");
        }
        double challengerAp = averagePrecision(heldOut, challenger.probabilities(heldOut));
        double championAp = champion == null
                ? baseRate(heldOut)
                : averagePrecision(heldOut, championScores(champion, challenger.schema(), heldOut));
        boolean release = challengerAp >= championAp + policy.minMargin();
        String against = champion == null ? "the constant base-rate scorer" : "the champion";
        String reason = String.format("challenger PR-AUC %.4f %s %s's %.4f + margin %.4f",
                challengerAp, release ? "beats" : "does not beat", against, championAp, policy.minMargin());
        return new ReleaseDecision(release, championAp, challengerAp, policy.minMargin(), heldOut.size(), positives,
                reason);
    }

    private static double[] championScores(FailurePredictor champion, FeatureSchema heldOutSchema, List<Example> heldOut) {
        if (champion.schema().equals(heldOutSchema)) {
            return champion.probabilities(heldOut);
        }
        FeatureSchema.Projection projection = champion.schema().projectionFrom(heldOutSchema);
        double[] scores = new double[heldOut.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = champion.probability(projection.apply(heldOut.get(i).features()));
        }
        return scores;
    }

    private static double averagePrecision(List<Example> examples, double[] scores) {
        boolean[] positive = new boolean[scores.length];
        double[] weights = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            positive[i] = examples.get(i).failed();
            weights[i] = examples.get(i).weight();
        }
        return OperatingCurve.of(scores, positive, weights).averagePrecision();
    }

    private static double baseRate(List<Example> examples) {
        double positive = 0;
        double total = 0;
        for (Example example : examples) {
            total += example.weight();
            positive += example.failed() ? example.weight() : 0;
        }
        return total > 0 ? positive / total : Double.NaN;
    }
}
