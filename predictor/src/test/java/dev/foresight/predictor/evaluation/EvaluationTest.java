package dev.foresight.predictor.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.predictor.Algorithm;
import dev.foresight.predictor.Example;
import dev.foresight.predictor.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final long STEP = 15 * 60_000L;

    /**
     * Node a: six windows, the node fails 15 minutes after the last one, so its last two windows
     * are positive (lead 30 and 15 minutes). Node b: six healthy windows.
     */
    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t = i * STEP;
            examples.add(i >= 4
                    ? Example.positive("a", t, new double[] {i}, (6 - i) * STEP)
                    : Example.negative("a", t, new double[] {i}));
            examples.add(Example.negative("b", t, new double[] {i}));
        }
        return examples;
    }

    /** Alarms: a at windows 1, 4, 5; b at windows 2 and 3. */
    private static double[] scores(List<Example> examples) {
        double[] scores = new double[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            Example e = examples.get(i);
            int window = (int) (e.timeMillis() / STEP);
            boolean alarm = e.nodeId().equals("a") ? (window == 1 || window >= 4) : (window == 2 || window == 3);
            scores[i] = alarm ? 0.9 - 0.01 * window : 0.1;
        }
        return scores;
    }

    @Test
    void confusionAndRatesAtTheThreshold() {
        List<Example> examples = examples();

        EvaluationReport report = Evaluation.evaluate(examples, scores(examples), 0.5);

        assertThat(report.confusion()).isEqualTo(new ConfusionCounts(2, 3, 7, 0));
        assertThat(report.precision()).isEqualTo(0.4);
        assertThat(report.recall()).isEqualTo(1.0);
        assertThat(report.f1()).isCloseTo(2 * 0.4 / 1.4, within(1e-12));
        assertThat(report.examples()).isEqualTo(12);
        assertThat(report.nodes()).isEqualTo(2);
        assertThat(report.baseRate()).isCloseTo(2.0 / 12, within(1e-12));
    }

    @Test
    void leadTimeIsThatOfTheEarliestAlarmBeforeEachFailure() {
        List<Example> examples = examples();

        LeadTimeSummary leads = Evaluation.evaluate(examples, scores(examples), 0.5).leadTimes();

        assertThat(leads.failures()).isEqualTo(1);
        assertThat(leads.detected()).isEqualTo(1);
        assertThat(leads.minMillis()).isEqualTo(2 * STEP);
        assertThat(leads.p50Millis()).isEqualTo(2 * STEP);
        assertThat(leads.maxMillis()).isEqualTo(2 * STEP);
    }

    @Test
    void missedFailuresCountButHaveNoLeadTime() {
        List<Example> examples = examples();

        LeadTimeSummary leads = Evaluation.evaluate(examples, scores(examples), 0.95).leadTimes();

        assertThat(leads.failures()).isEqualTo(1);
        assertThat(leads.detected()).isZero();
        assertThat(leads.minMillis()).isNull();
        assertThat(leads.detectionRate()).isZero();
    }

    @Test
    void falseAlarmsAreEpisodesWithoutFailurePerObservedNodeDay() {
        List<Example> examples = examples();

        EvaluationReport report = Evaluation.evaluate(examples, scores(examples), 0.5);

        // a: window 1 alone (false), windows 4-5 (true: positive); b: windows 2-3 (one false episode)
        assertThat(report.falseAlarms()).isEqualTo(2);
        // each node: 75 minutes first-to-last plus one 15-minute spacing
        assertThat(report.nodeDays()).isCloseTo(2 * 90.0 / (24 * 60), within(1e-12));
        assertThat(report.falseAlarmsPerNodeDay()).isCloseTo(2 / report.nodeDays(), within(1e-12));
    }

    @Test
    void weightsScaleWindowCountsButNotEpisodes() {
        List<Example> examples = new ArrayList<>(examples());
        examples.set(3, examples.get(3).withWeight(5)); // b at window 1: a quiet healthy window

        EvaluationReport report = Evaluation.evaluate(examples, scores(examples), 0.5);

        assertThat(report.confusion().trueNegatives()).isEqualTo(11);
        assertThat(report.negativeWeight()).isEqualTo(14);
        assertThat(report.falseAlarms()).isEqualTo(2);
    }

    @Test
    void percentilesUseTheNearestRank() {
        List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);

        assertThat(Evaluation.nearestRank(sorted, 0.5)).isEqualTo(50L);
        assertThat(Evaluation.nearestRank(sorted, 0.9)).isEqualTo(90L);
        assertThat(Evaluation.nearestRank(List.of(7L), 0.9)).isEqualTo(7L);
    }

    @Test
    void reportOfARealModelSerialisesToJsonAndBack() throws Exception {
        EvaluationReport report = Evaluation.evaluate(Fixtures.model(Algorithm.LOGISTIC_REGRESSION),
                Fixtures.split().validation(), 0.9);
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(report);
        EvaluationReport back = mapper.readValue(json, EvaluationReport.class);

        assertThat(json).contains("\"prAuc\"", "\"leadTimes\"", "\"prCurve\"", "\"falseAlarmsPerNodeDay\"");
        assertThat(back).isEqualTo(report);
        assertThat(report.prCurve()).hasSizeLessThanOrEqualTo(Evaluation.DEFAULT_CURVE_POINTS);
        assertThat(report.headline()).containsKeys("precision", "recall", "f1", "prAuc", "falseAlarmsPerNodeDay");
    }
}
