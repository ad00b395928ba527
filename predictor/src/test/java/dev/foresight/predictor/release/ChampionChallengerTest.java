package dev.foresight.predictor.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.Fixtures;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.evaluation.Evaluation;
import dev.foresight.predictor.feature.FeatureSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChampionChallengerTest {

    private static final List<Example> HELD_OUT = Fixtures.split().validation();

    /** Same features, labels shuffled: a model that learnt nothing. */
    private static FailurePredictor clueless() {
        PredictorOptions options = PredictorOptions.defaults().withAlgorithm(Algorithm.LOGISTIC_REGRESSION);
        return FailurePredictor.fit(Fixtures.fleet().schema(), Fixtures.withShuffledLabels(Fixtures.split().train(), 5),
                options);
    }

    @Test
    void firstModelIsReleasedWhenItBeatsTheBaseRate() {
        ReleaseDecision decision = ChampionChallenger.decide(null, Fixtures.model(Algorithm.RANDOM_FOREST), HELD_OUT);

        assertThat(decision.release()).isTrue();
        assertThat(decision.championPrAuc()).isLessThan(0.1);
        assertThat(decision.reason()).contains("beats the constant base-rate scorer");
    }

    @Test
    void betterChallengerReplacesAWeakChampion() {
        ReleaseDecision decision = ChampionChallenger.decide(clueless(), Fixtures.model(Algorithm.RANDOM_FOREST), HELD_OUT);

        assertThat(decision.release()).isTrue();
        assertThat(decision.challengerPrAuc()).isGreaterThan(decision.championPrAuc() + 0.2);
        assertThat(decision.heldOutExamples()).isEqualTo(HELD_OUT.size());
    }

    @Test
    void weakChallengerIsNotReleased() {
        ReleaseDecision decision = ChampionChallenger.decide(Fixtures.model(Algorithm.RANDOM_FOREST), clueless(), HELD_OUT);

        assertThat(decision.release()).isFalse();
        assertThat(decision.reason()).contains("does not beat the champion");
    }

    @Test
    void anEqualChallengerDoesNotClearTheMargin() {
        FailurePredictor model = Fixtures.model(Algorithm.GRADIENT_BOOSTING);

        ReleaseDecision decision = ChampionChallenger.decide(model, model, HELD_OUT);

        assertThat(decision.release()).isFalse();
        assertThat(decision.challengerPrAuc()).isEqualTo(decision.championPrAuc());
        assertThat(ChampionChallenger.decide(model, model, HELD_OUT, new ReleasePolicy(0, 5)).release()).isTrue();
    }

    @Test
    void tooFewPositivesToJudgeReleasesNothing() {
        List<Example> healthy = new ArrayList<>(HELD_OUT.stream().filter(e -> !e.failed()).toList());
        healthy.addAll(HELD_OUT.stream().filter(Example::failed).limit(4).toList());

        ReleaseDecision decision = ChampionChallenger.decide(null, Fixtures.model(Algorithm.RANDOM_FOREST), healthy);

        assertThat(decision.release()).isFalse();
        assertThat(decision.heldOutPositives()).isEqualTo(4);
        assertThat(decision.reason()).contains("fewer than the 10 failures needed");
    }

    @Test
    void manyPositiveWindowsOfFewFailuresAreStillTooFewToJudge() {
        // one failure gives a dozen nearly identical windows: two failures are two verdicts, however many windows
        List<Example> heldOut = new ArrayList<>(HELD_OUT.stream().filter(e -> !e.failed()).toList());
        for (int w = 0; w < 12; w++) {
            heldOut.add(Example.positive("n1", 1_000_000L + w * 300_000L, HELD_OUT.get(0).features(), 3_600_000L - w * 300_000L));
            heldOut.add(Example.positive("n2", 1_000_000L + w * 300_000L, HELD_OUT.get(0).features(), 3_600_000L - w * 300_000L));
        }

        ReleaseDecision decision = ChampionChallenger.decide(null, Fixtures.model(Algorithm.RANDOM_FOREST), heldOut);

        assertThat(decision.release()).isFalse();
        assertThat(decision.heldOutPositives()).isEqualTo(24);
        assertThat(decision.reason()).contains("of 2 distinct failures");
    }

    @Test
    void championOfAnotherSchemaIsScoredByFeatureName() {
        FeatureSchema schema = Fixtures.fleet().schema();
        List<String> reversedNames = new ArrayList<>(schema.names());
        Collections.reverse(reversedNames);
        FeatureSchema reversed = FeatureSchema.of(reversedNames);
        FeatureSchema.Projection toReversed = reversed.projectionFrom(schema);
        List<Example> reversedTrain = Fixtures.split().train().stream().map(e -> relayout(e, toReversed)).toList();
        List<Example> reversedHeldOut = HELD_OUT.stream().map(e -> relayout(e, toReversed)).toList();
        FailurePredictor champion = FailurePredictor.fit(reversed, reversedTrain,
                PredictorOptions.defaults().withAlgorithm(Algorithm.LOGISTIC_REGRESSION));

        ReleaseDecision decision = ChampionChallenger.decide(champion, Fixtures.model(Algorithm.RANDOM_FOREST), HELD_OUT);

        double championOnItsOwnLayout = Evaluation.evaluate(champion, reversedHeldOut, 0.5).prAuc();
        assertThat(decision.championPrAuc()).isEqualTo(championOnItsOwnLayout);
    }

    private static Example relayout(Example e, FeatureSchema.Projection projection) {
        return new Example(e.nodeId(), e.timeMillis(), projection.apply(e.features()), e.failed(), e.leadTimeMillis(),
                e.weight());
    }
}
