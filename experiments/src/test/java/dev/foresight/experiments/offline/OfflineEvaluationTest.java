package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.cluster.ScenarioLoader;
import dev.foresight.experiments.Engine;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Policy;
import dev.foresight.predictor.PredictorOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineEvaluationTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    @Test
    void onAnnouncedFailuresTheModelFarOutranksAConstantScore() {
        Path recording = SyntheticDrives.recording(dir, "fleet", 300, 60, 60, 11);

        OfflineReport report = OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(3))), progress::add);

        HorizonResult h = report.horizons().get(0);
        assertThat(h.split().kind()).isEqualTo("TIME_AND_NODE");
        assertThat(h.baselinePrAuc()).isEqualTo(h.test().baseRate()).isLessThan(0.05);
        assertThat(h.test().prAuc()).isGreaterThan(0.5);
        assertThat(h.beatsBaseline()).isTrue();
        assertThat(h.nodes().fdr()).isGreaterThan(0.5); // four failures in five are announced
        assertThat(h.nodes().far()).isLessThan(0.1);
        assertThat(h.leadTimes().unit()).isEqualTo("days");
        assertThat(h.leadTimes().max()).isLessThanOrEqualTo(3.0);
        assertThat(h.recallAtPrecision()).extracting(RecallAtPrecision::precision).containsExactly(0.95, 0.8);
        assertThat(h.recallAtPrecision().get(1).recall()).isGreaterThanOrEqualTo(h.recallAtPrecision().get(0).recall());
        assertThat(report.tick()).isEqualTo("1d");
        assertThat(report.windows()).containsExactly("3d", "7d", "14d");
        assertThat(progress).anySatisfy(line -> assertThat(line).contains("TIME_AND_NODE split"));
    }

    /**
     * Balanced training inflates scores (a failure weighs up to ten healthy windows); the Platt scale fitted on the
     * validation slice brings them back to the test's class mix, and ranking figures stay the raw scores'.
     */
    @Test
    void theValidationSliceScalesScoresIntoProbabilitiesTheTestSliceJudges() {
        Path recording = SyntheticDrives.recording(dir, "fleet", 300, 60, 60, 11);

        OfflineReport report = OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(3))), progress::add);

        HorizonResult h = report.horizons().get(0);
        ProbabilityQuality q = h.probabilities();
        assertThat(report.model()).isEqualTo("RANDOM_FOREST (seed 42, classes balanced, weight <= 10)");
        assertThat(h.training().balanceFactor()).isEqualTo(10);
        assertThat(q.scale()).isNotNull();
        assertThat(q.scale().a()).isPositive();
        assertThat(q.baseRate()).isEqualTo(h.test().baseRate());
        assertThat(q.meanRaw()).as("balanced training inflates scores").isGreaterThan(2 * q.baseRate());
        assertThat(Math.abs(q.meanCalibrated() - q.baseRate())).isLessThan(Math.abs(q.meanRaw() - q.baseRate()));
        assertThat(q.brierCalibrated()).isLessThan(q.brierRaw()).isLessThan(q.brierConstant());
        assertThat(OfflineReportTable.render(report)).contains("Brier raw / calibrated (constant)", "it is monotone");
    }

    @Test
    void withoutClassWeightsEveryWindowWeighsTheSameAndTheReportSaysSo() {
        Path recording = SyntheticDrives.recording(dir, "fleet", 300, 60, 60, 11);

        OfflineReport report = OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(3)))
                .withPredictor(PredictorOptions.defaults().withImbalance(PredictorOptions.Imbalance.none())), progress::add);

        assertThat(report.model()).isEqualTo("RANDOM_FOREST (seed 42, no class weight)");
        assertThat(report.horizons().get(0).training().balanceFactor()).isEqualTo(1);
    }

    /**
     * The required check on real data: every failed drive of the shared Backblaze slice and one healthy drive
     * in three, weights undoing both samplings; at H = 7 days, on held-out drives in the later weeks, the
     * forest must rank windows several times better than a constant score (which scores the base rate).
     */
    @Test
    void onHeldOutBackblazeDrivesTheModelBeatsTheConstantBaseline() {
        Path recording = SharedBackblaze.thinnedRecording(dir, 3);

        OfflineReport report = OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(7))), progress::add);

        HorizonResult h = report.horizons().get(0);
        assertThat(report.sampling().healthyNodeWeight()).isEqualTo(15.0);
        assertThat(h.split().kind()).isEqualTo("TIME_AND_NODE");
        assertThat(h.split().test().failures()).isGreaterThanOrEqualTo(10);
        assertThat(h.test().prAuc()).as("PR-AUC %s vs base rate %s", h.test().prAuc(), h.baselinePrAuc())
                .isGreaterThan(4 * h.baselinePrAuc())
                .isGreaterThan(h.baselinePrAuc() + 0.02);
        assertThat(h.test().rocAuc()).isGreaterThan(0.75);
    }

    @Test
    void theReportIsWrittenAsJsonWithEveryHorizon() throws Exception {
        Path recording = SyntheticDrives.recording(dir, "fleet", 200, 40, 50, 5);
        OfflineReport report = OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(1), HorizonLength.days(5))).withWindows(List.of(Duration.ofDays(3))), s -> { });

        report.writeJson(dir.resolve("r.json"));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
        assertThat(json.path("horizons")).hasSize(2);
        assertThat(json.path("horizons").get(1).path("horizon").asText()).isEqualTo("5d");
        assertThat(json.path("horizons").get(0).path("test").path("prAuc").isNumber()).isTrue();
        assertThat(json.path("horizons").get(0).path("split").path("test").path("failures").asInt()).isPositive();
        assertThat(json.path("horizons").get(0).path("probabilities").path("brierRaw").isNumber()).isTrue();
        assertThat(json.path("horizons").get(0).path("probabilities").path("scale").path("a").isNumber()).isTrue();
        assertThat(OfflineReportTable.render(report)).contains("H=1d", "H=5d", "base rate = constant PR-AUC", "FDR", "FAR",
                "recall @ precision 0.95");
    }

    /** A simulated run is a recording too: minute ticks, horizons in ticks, lead times in minutes. */
    @Test
    void aSimulatedRunIsEvaluatedInTicks() throws Exception {
        var scenario = ScenarioLoader.parse("""
                name: offline-sim
                seed: 3
                nodes: 24
                racks: 2
                durationTicks: 2880
                failures:
                  weibull: {shape: 0.7, scaleHours: 40}
                  classes:
                    memory: {share: 0.4, announced: 0.9, leadMinutes: {min: 30, max: 360}}
                    thermal: {share: 0.3, announced: 0.9, leadMinutes: {min: 30, max: 360}}
                    power: {share: 0.3, announced: 0.9, leadMinutes: {min: 30, max: 360}}
                    disk: {share: 0}
                    software: {share: 0}
                    other: {share: 0}
                """, "offline-sim");
        var outcome = new ExperimentRunner(ExperimentOptions.defaults(dir.resolve("sim")).withEngine(Engine.INPROCESS)
                .withPolicies(List.of(Policy.NO_PROTECTION)).withProgress(false)).run(scenario, 3);
        Path recording = outcome.runs().get(0).recording();

        OfflineReport report = OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.ticks(60))).withSplit(SplitChoice.TIME), progress::add);

        assertThat(report.tick()).isEqualTo("1m");
        assertThat(report.windows()).containsExactly("10m", "30m", "2h");
        assertThat(report.labelEveryTicks()).isEqualTo(5);
        HorizonResult h = report.horizons().get(0);
        assertThat(h.horizon()).isEqualTo("1h");
        assertThat(h.leadTimes().unit()).isEqualTo("minutes");
        assertThat(h.split().kind()).isEqualTo("TIME");
        assertThat(h.test().prAuc()).isGreaterThan(h.baselinePrAuc());
        // the one-counter rules: one per counter the simulator reports, judged on the learner's own failures
        assertThat(h.counterRules()).extracting(CounterRule::metric).containsExactly("disk_reallocated_total",
                "ecc_correctable_total", "ecc_uncorrectable_total", "log_errors_total", "log_warnings_total");
        assertThat(h.counterRules()).allSatisfy(r -> {
            assertThat(r.feature()).isEqualTo("w120m." + r.metric() + ".delta");
            assertThat(r.events().failures()).isEqualTo(h.events().atThreshold().failures());
            assertThat(r.byCategory()).containsKeys("all", "memory", "thermal");
        });
        // uncorrectable errors are a failing DIMM's alone: that rule never catches a thermal or power failure
        CounterRule uncorrectable = h.counterRules().get(2);
        assertThat(uncorrectable.byCategory().get("thermal").detected()).isZero();
        assertThat(uncorrectable.byCategory().get("all").detected()).isEqualTo(uncorrectable.byCategory().get("memory").detected());
        assertThat(OfflineReportTable.render(report)).contains("one-counter rules").contains("ecc_uncorrectable_total");
    }

    @Test
    void aFitThatScoresNaNIsStoppedWithItsCause() {
        PredictorOptions boosting = PredictorOptions.defaults().withAlgorithm(dev.foresight.predictor.Algorithm.GRADIENT_BOOSTING)
                .withSeed(7);

        OfflineEvaluation.requireFiniteScores(new double[] {0.1, 0.9}, boosting, Duration.ofDays(1));
        assertThatThrownBy(() -> OfflineEvaluation.requireFiniteScores(new double[] {0.1, Double.NaN, Double.NaN}, boosting,
                Duration.ofDays(1)))
                .hasMessageContaining("H=1d: the GRADIENT_BOOSTING (seed 7, classes balanced, weight <= 10) fit scores 2 of 3 "
                        + "validation windows NaN")
                .hasMessageContaining("try another --seed or --algorithm");
    }

    @Test
    void aHorizonLongerThanTheRecordingIsAClearError() {
        Path recording = SyntheticDrives.recording(dir, "short", 20, 5, 10, 5);

        assertThatThrownBy(() -> OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withHorizons(List.of(HorizonLength.days(14))), s -> { }))
                .hasMessageContaining("horizon 14d").hasMessageContaining("too short for this horizon");
    }

    @Test
    void anUnknownMetricIsNamedWithTheKnownOnes() {
        Path recording = SyntheticDrives.recording(dir, "fleet", 20, 5, 30, 5);

        assertThatThrownBy(() -> OfflineEvaluation.run(recording, OfflineOptions.defaults()
                .withMetrics(new TreeSet<>(List.of("smart_999_raw"))), s -> { }))
                .hasMessageContaining("metrics [smart_999_raw] are not in").hasMessageContaining("smart_5_raw");
    }

    @Test
    void aDirectoryThatIsNotARecordingIsNamed() {
        assertThatThrownBy(() -> OfflineEvaluation.run(dir, OfflineOptions.defaults(), s -> { }))
                .hasMessageContaining("is not a recording: manifest.json is missing");
    }
}
