package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineSplitTest {

    @TempDir
    static Path dir;

    static PreparedRecording large;
    static PreparedRecording small;

    @BeforeAll
    static void fleets() {
        OfflineOptions options = OfflineOptions.defaults().withWindows(java.util.List.of(Duration.ofDays(3)));
        large = PreparedRecording.prepare(RecordedFleet.open(SyntheticDrives.recording(dir, "large", 300, 60, 60, 7)), options, s -> { });
        small = PreparedRecording.prepare(RecordedFleet.open(SyntheticDrives.recording(dir, "small", 12, 4, 60, 7)), options, s -> { });
    }

    private static OfflineSplit.Slices split(PreparedRecording p, SplitChoice choice, int horizonDays) {
        HorizonLabels labels = HorizonLabels.label(p.table(), p.fleet(),
                OfflineEvaluation.labelPolicy(p.table(), p.fleet(), Duration.ofDays(horizonDays)));
        return OfflineSplit.split(p.table(), labels, p.fleet(), OfflineOptions.defaults().withSplit(choice));
    }

    private static Set<Integer> nodes(PreparedRecording p, int[] rows) {
        return Arrays.stream(rows).map(p.table()::node).boxed().collect(Collectors.toSet());
    }

    private static long max(PreparedRecording p, int[] rows) {
        return Arrays.stream(rows).mapToLong(p.table()::time).max().orElseThrow();
    }

    private static long min(PreparedRecording p, int[] rows) {
        return Arrays.stream(rows).mapToLong(p.table()::time).min().orElseThrow();
    }

    @Test
    void aLargeFleetHoldsOutTestNodesAndTestsOnLaterWindows() {
        OfflineSplit.Slices s = split(large, SplitChoice.AUTO, 7);

        assertThat(s.summary().kind()).isEqualTo("TIME_AND_NODE");
        assertThat(s.summary().reason()).contains("every slice has at least 3 failures");
        assertThat(nodes(large, s.test())).doesNotContainAnyElementsOf(nodes(large, s.train()))
                .doesNotContainAnyElementsOf(nodes(large, s.validation()));
        assertThat(min(large, s.test())).isGreaterThan(max(large, s.train()));
        assertThat(min(large, s.validation())).isGreaterThan(max(large, s.train()));
        assertThat(s.summary().test().failures()).isGreaterThanOrEqualTo(3);
        // about 30 % of the nodes are test nodes
        assertThat(nodes(large, s.test()).size() / 360.0).isBetween(0.2, 0.4);
    }

    @Test
    void aTimeSplitDropsTrainingWindowsWithinOneHorizonOfTheCut() {
        OfflineSplit.Slices s = split(large, SplitChoice.TIME, 7);

        assertThat(s.summary().kind()).isEqualTo("TIME");
        long firstValidation = min(large, s.validation());
        long firstTest = min(large, s.test());
        assertThat(max(large, s.train())).isLessThan(firstValidation - Duration.ofDays(7).toMillis());
        assertThat(max(large, s.validation())).isLessThan(firstTest - Duration.ofDays(7).toMillis());
        assertThat(s.summary().embargo()).isEqualTo("7d");
    }

    @Test
    void aSmallFleetFallsBackToTheTimeSplitAndSaysWhy() {
        OfflineSplit.Slices s = split(small, SplitChoice.AUTO, 3);

        assertThat(s.summary().kind()).isEqualTo("TIME");
        assertThat(s.summary().reason()).startsWith("a time-and-node split would leave the").contains("failures (fewer than 3)");
    }

    @Test
    void askingForANodeSplitThatCannotBeMadeIsAnError() {
        PreparedRecording tiny = PreparedRecording.prepare(RecordedFleet.open(SyntheticDrives.recording(dir, "tiny", 3, 1, 20, 3)),
                OfflineOptions.defaults().withWindows(java.util.List.of(Duration.ofDays(3))), t -> { });
        assertThatThrownBy(() -> split(tiny, SplitChoice.TIME_AND_NODE, 3)).hasMessageContaining("use --split time");
    }
}
