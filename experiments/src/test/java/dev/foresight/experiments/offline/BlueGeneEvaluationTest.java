package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offline evaluation of imported Blue Gene/L logs ({@link SyntheticRasLogs}: announced kernel panics, silent
 * Lustre mount bursts per midplane, random application noise): splits keep a midplane together, the
 * per-category figures count every failure, and a model trained on one period scores a later one.
 */
class BlueGeneEvaluationTest {

    @TempDir
    static Path dir;

    static Path[] logs;
    static Path whole;

    static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(24));

    @BeforeAll
    static void machine() {
        logs = SyntheticRasLogs.write(dir, 8, 40, 5);
        whole = SyntheticRasLogs.recording(dir, "whole", logs, null, null, null);
    }

    private static OfflineOptions options(int horizonHours) {
        return OfflineOptions.defaults().withHorizons(List.of(HorizonLength.ticks(horizonHours))).withWindows(WINDOWS);
    }

    private static Map<String, CategoryRecall> byCategory(HorizonResult h) {
        return h.categories().categories().stream().collect(Collectors.toMap(CategoryRecall::category, c -> c));
    }

    @Test
    void aTimeAndNodeSplitKeepsEachMidplaneOnOneSide() {
        PreparedRecording p = PreparedRecording.prepare(RecordedFleet.open(whole), options(6), s -> { });
        HorizonLabels labels = HorizonLabels.label(p.table(), p.fleet(), OfflineEvaluation.labelPolicy(p.table(), p.fleet(), Duration.ofHours(6)));

        OfflineSplit.Slices s = OfflineSplit.split(p.table(), labels, p.fleet(), options(6).withSplit(SplitChoice.TIME_AND_NODE));

        Map<String, Set<Boolean>> sides = new HashMap<>();
        for (int n = 0; n < p.fleet().nodes().size(); n++) {
            sides.computeIfAbsent(p.fleet().nodes().get(n).substring(0, 6), k -> new java.util.HashSet<>()).add(s.testScope().covers(n));
        }
        assertThat(sides).hasSize(8).allSatisfy((midplane, side) -> assertThat(side).as(midplane).hasSize(1));
        assertThat(sides.values()).anySatisfy(side -> assertThat(side).containsExactly(true));
        assertThat(s.summary().reason()).contains("node groups (^(R[0-7][0-7]-M[01])- of the node id)");
        Set<String> trainMidplanes = java.util.Arrays.stream(s.train()).mapToObj(i -> p.fleet().nodes().get(p.table().node(i)).substring(0, 6))
                .collect(Collectors.toSet());
        Set<String> testMidplanes = java.util.Arrays.stream(s.test()).mapToObj(i -> p.fleet().nodes().get(p.table().node(i)).substring(0, 6))
                .collect(Collectors.toSet());
        assertThat(trainMidplanes).doesNotContainAnyElementsOf(testMidplanes);
    }

    /**
     * Kernel panics are announced on their card hours ahead: they were warned and are caught with hours of lead.
     * Lustre mount bursts are not announced: only a card's random noise can precede one ("warned" counts any
     * earlier reading, announcing or not), few are caught, and they still count in "all".
     */
    @Test
    void failuresAreCountedPerCategoryWithOrWithoutAWindow() {
        OfflineReport report = OfflineEvaluation.run(whole, options(6).withSplit(SplitChoice.TIME), s -> { });

        HorizonResult h = report.horizons().get(0);
        assertThat(h.categories()).isNotNull();
        assertThat(h.categories().minLead()).isEqualTo("10m");
        assertThat(h.categories().silentNodeScore()).isNotNull().isBetween(0.0, 1.0);
        Map<String, CategoryRecall> c = byCategory(h);
        assertThat(c).containsOnlyKeys("all", "kernel-panic", "fs-mount");
        CategoryRecall panic = c.get("kernel-panic");
        CategoryRecall mount = c.get("fs-mount");
        assertThat(panic.failures()).isGreaterThan(30);
        assertThat(panic.warnedShare()).isGreaterThan(0.9);
        assertThat(panic.recall()).as("announced panics caught").isGreaterThan(0.6);
        assertThat(panic.leadP50Minutes()).isBetween(60.0, 360.0);
        assertThat(mount.failures()).isGreaterThan(30);
        assertThat(mount.warnedShare()).as("noise only").isLessThan(0.4).isLessThan(panic.warnedShare() - 0.5);
        assertThat(mount.recall()).as("silent bursts").isLessThan(panic.recall());
        CategoryRecall all = c.get("all");
        assertThat(all.failures()).isEqualTo(panic.failures() + mount.failures());
        assertThat(all.detected()).isEqualTo(panic.detected() + mount.detected());
        assertThat(all.recall()).isCloseTo((double) all.detected() / all.failures(), within(1e-12));
        assertThat(OfflineReportTable.render(report)).contains("failures by category", "kernel-panic", "warned in H", "recall @ P 0.95");
    }

    @Test
    void windowsAfterARepairAreLabelledBecauseTheImportSaysSo() {
        PreparedRecording p = PreparedRecording.prepare(RecordedFleet.open(whole), options(6), s -> { });

        assertThat(OfflineEvaluation.labelPolicy(p.table(), p.fleet(), Duration.ofHours(6)).repairGrace()).isZero();
    }

    @Test
    void aWindowLongerThanTheTelemetryLastsIsRefused() {
        assertThatThrownBy(() -> OfflineEvaluation.run(whole, options(6).withWindows(List.of(Duration.ofHours(48))), s -> { }))
                .hasMessageContaining("window 2d is longer than").hasMessageContaining("(1d)").hasMessageContaining("--silent-after");
    }

    /** Train on the first 25 days, import the next 15 on the same columns, score them with the model. */
    @Test
    void aModelTrainedOnOnePeriodScoresALaterOneImportedLikeIt() {
        Instant cut = SyntheticRasLogs.START.plus(Duration.ofDays(25));
        Path early = SyntheticRasLogs.recording(dir, "early", logs, null, cut, null);
        Path later = SyntheticRasLogs.recording(dir, "later", logs, cut, null, early);
        Path model = dir.resolve("model.json");
        OfflineTrainer.train(early, options(6), model, s -> { });

        OfflineReport report = ModelEvaluation.run(later, model, List.of(0.85), Duration.ofMinutes(10), s -> { });

        HorizonResult h = report.horizons().get(0);
        assertThat(h.split().kind()).isEqualTo("HELD_OUT_RECORDING");
        Map<String, CategoryRecall> c = byCategory(h);
        assertThat(c.get("kernel-panic").recall()).isGreaterThan(0.6);
        assertThat(c.get("all").atPrecision()).singleElement().satisfies(a -> assertThat(a.precision()).isEqualTo(0.85));
        // failures of the first 6 hours of the later recording are not counted: their horizon began before it
        RecordedFleet fleet = RecordedFleet.open(later);
        long counted = fleet.categorisedFailures().stream()
                .filter(f -> f.time() - Duration.ofHours(6).toMillis() >= cut.toEpochMilli())
                .filter(f -> f.time() - Duration.ofMinutes(10).toMillis() + Duration.ofHours(6).toMillis() <= fleet.observedUntilMillis())
                .count();
        assertThat(c.get("all").failures()).isEqualTo((int) counted);
    }

    @Test
    void recordingsWithoutCategoriesHaveNoCategoryReport() {
        Path drives = SyntheticDrives.recording(dir, "drives", 100, 20, 40, 3);

        OfflineReport report = OfflineEvaluation.run(drives, OfflineOptions.defaults().withHorizons(List.of(HorizonLength.days(3))), s -> { });

        assertThat(report.horizons().get(0).categories()).isNull();
        assertThat(OfflineReportTable.render(report)).doesNotContain("failures by category");
    }
}
