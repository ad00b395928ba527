package dev.foresight.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.evaluation.Evaluation;
import dev.foresight.predictor.evaluation.EvaluationReport;
import dev.foresight.predictor.feature.Features;
import dev.foresight.predictor.release.ModelCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FailurePredictorTest {

    /** A quick, still meaningful slice for tests that fit several times: the oldest 3,000 training examples. */
    private static List<Example> small() {
        return Fixtures.split().train().subList(0, 3000);
    }

    private static PredictorOptions quick(Algorithm algorithm) {
        PredictorOptions defaults = PredictorOptions.defaults().withAlgorithm(algorithm);
        return defaults.withForest(defaults.forest().withTrees(30)).withBoosting(defaults.boosting().withTrees(30));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void clearlyBeatsAConstantScorerOnLaterData(Algorithm algorithm) {
        List<Example> validation = Fixtures.split().validation();

        EvaluationReport report = Evaluation.evaluate(Fixtures.model(algorithm), validation, 0.5);

        // a constant scorer's PR-AUC is the base rate (about 0.03 here)
        assertThat(report.baseRate()).isBetween(0.01, 0.1);
        assertThat(report.prAuc()).isGreaterThan(report.baseRate() + 0.3);
        assertThat(report.rocAuc()).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void sameExamplesAndSeedGiveTheSameBytesAndPredictions(Algorithm algorithm) {
        FailurePredictor first = FailurePredictor.fit(Fixtures.fleet().schema(), small(), quick(algorithm));
        FailurePredictor second = FailurePredictor.fit(Fixtures.fleet().schema(), small(), quick(algorithm));

        assertThat(ModelCodec.encode(second)).isEqualTo(ModelCodec.encode(first));
        List<Example> validation = Fixtures.split().validation();
        assertThat(second.probabilities(validation)).containsExactly(first.probabilities(validation));
    }

    @Test
    void anotherSeedGrowsAnotherForest() {
        FailurePredictor first = FailurePredictor.fit(Fixtures.fleet().schema(), small(), quick(Algorithm.RANDOM_FOREST));
        FailurePredictor other = FailurePredictor.fit(Fixtures.fleet().schema(), small(),
                quick(Algorithm.RANDOM_FOREST).withSeed(43));

        List<Example> validation = Fixtures.split().validation();
        assertThat(other.probabilities(validation)).isNotEqualTo(first.probabilities(validation));
    }

    @Test
    void theModelDependsOnTheExamplesNotOnTheirOrder() {
        List<Example> shuffled = new ArrayList<>(small());
        Collections.shuffle(shuffled, new Random(1));

        FailurePredictor ordered = FailurePredictor.fit(Fixtures.fleet().schema(), small(), quick(Algorithm.RANDOM_FOREST));
        FailurePredictor fromShuffled = FailurePredictor.fit(Fixtures.fleet().schema(), shuffled,
                quick(Algorithm.RANDOM_FOREST));

        assertThat(ModelCodec.encode(fromShuffled)).isEqualTo(ModelCodec.encode(ordered));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void missingValuesAreFilledSoEveryScoreIsAProbability(Algorithm algorithm) {
        FailurePredictor model = Fixtures.model(algorithm);
        double[] allMissing = new double[model.schema().size()];
        Arrays.fill(allMissing, Double.NaN);
        double[] someInfinite = Fixtures.split().validation().get(0).features();
        someInfinite[3] = Double.POSITIVE_INFINITY;

        assertThat(model.probability(allMissing)).isBetween(0.0, 1.0);
        assertThat(model.probability(someInfinite)).isBetween(0.0, 1.0);
    }

    @Test
    void namedFeaturesAreAlignedByName() {
        FailurePredictor model = Fixtures.model(Algorithm.RANDOM_FOREST);
        Example example = Fixtures.split().validation().get(10);
        List<String> names = model.schema().names();
        double[] values = example.features();
        // drop one feature: it must count as missing (NaN)
        List<String> kept = new ArrayList<>(names.subList(1, names.size()));
        double[] keptValues = Arrays.copyOfRange(values, 1, values.length);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> kept.get(a).compareTo(kept.get(b)));
        Features named = new Features(order.stream().map(kept::get).toList(),
                order.stream().mapToDouble(i -> keptValues[i]).toArray());
        values[0] = Double.NaN;

        assertThat(model.probability(named)).isEqualTo(model.probability(values));
    }

    @Test
    void learnsFromThePrecursorsNotFromTheDistractor() {
        Map<String, Double> importance = Fixtures.model(Algorithm.RANDOM_FOREST).importance();

        List<String> top = importance.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5).map(Map.Entry::getKey).toList();

        assertThat(importance).hasSize(Fixtures.fleet().schema().size());
        assertThat(top).noneMatch(name -> name.contains("load_ratio"));
        assertThat(top).anyMatch(name -> name.contains("ecc_corrected_total") || name.contains("temp_cpu_c"));
    }

    @Test
    void negativeSamplingKeepsTheAskedRatioDeterministically() {
        PredictorOptions options = quick(Algorithm.LOGISTIC_REGRESSION).withImbalance(
                PredictorOptions.Imbalance.defaults().withMaxNegativesPerPositive(5));

        FailurePredictor model = FailurePredictor.fit(Fixtures.fleet().schema(), small(), options);

        TrainingSummary summary = model.summary();
        assertThat(summary.negativesUsed()).isEqualTo(5 * summary.positives());
        assertThat(summary.negatives()).isGreaterThan(summary.negativesUsed());
        assertThat(summary.balanceFactor()).isEqualTo(5);
        assertThat(ModelCodec.encode(FailurePredictor.fit(Fixtures.fleet().schema(), small(), options)))
                .isEqualTo(ModelCodec.encode(model));
    }

    @Test
    void summaryDescribesTheFit() {
        TrainingSummary summary = Fixtures.model(Algorithm.RANDOM_FOREST).summary();
        List<Example> train = Fixtures.split().train();
        int positives = (int) train.stream().filter(Example::failed).count();

        assertThat(summary.examples()).isEqualTo(train.size());
        assertThat(summary.positives()).isEqualTo(positives);
        assertThat(summary.negatives()).isEqualTo(train.size() - positives);
        assertThat(summary.balanceFactor()).isEqualTo(10); // about 1:35, capped at the default 10
        assertThat(summary.features()).isEqualTo(Fixtures.fleet().schema().size());
    }

    @Test
    void refusesToTrainOnOneClass() {
        List<Example> healthyOnly = small().stream().filter(e -> !e.failed()).toList();

        assertThatThrownBy(() -> FailurePredictor.fit(Fixtures.fleet().schema(), healthyOnly, PredictorOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes");
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        FailurePredictor model = Fixtures.model(Algorithm.LOGISTIC_REGRESSION);

        assertThatThrownBy(() -> model.probability(new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected " + model.schema().size() + " features");
        List<Example> wrong = List.of(Example.positive("n", 0, new double[2], 1), Example.negative("n", 1, new double[3]));
        assertThatThrownBy(() -> FailurePredictor.fit(wrong, PredictorOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
