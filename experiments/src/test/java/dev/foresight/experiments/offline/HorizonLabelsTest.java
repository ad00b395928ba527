package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.feature.FeatureSpec;
import dev.foresight.predictor.label.LabelPolicy;
import dev.foresight.producers.dataset.backblaze.BackblazeImportOptions;
import dev.foresight.producers.dataset.backblaze.BackblazeImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels of imported daily data: the failure row is positive, a horizon of H days marks H rows. */
class HorizonLabelsTest {

    @TempDir
    Path dir;

    private RecordedFleet fleet;
    private FeatureTable table;

    /** Drive F reports days 0..20 and fails on day 20 (failure=1); drives A and B report all 40 days. */
    @BeforeEach
    void importFleet() throws Exception {
        StringBuilder csv = new StringBuilder("date,serial_number,model,capacity_bytes,failure,smart_5_raw\n");
        for (int day = 0; day < 40; day++) {
            String date = SyntheticDrives.START.plusDays(day).toString();
            csv.append(date).append(",A,M,1000,0,0\n").append(date).append(",B,M,1000,0,0\n");
            if (day <= 20) {
                csv.append(date).append(",F,M,1000,").append(day == 20 ? 1 : 0).append(',').append(day).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("f.csv"), csv);
        BackblazeImporter.run(BackblazeImportOptions.of(List.of(file), dir.resolve("rec")));
        fleet = RecordedFleet.open(dir.resolve("rec"));
        table = FeatureTable.extract(fleet, List.of(Duration.ofDays(3)), new TreeSet<>(List.of("smart_5_raw")), false, 1);
    }

    /** Labels of one node's rows by tick: 1 positive, 0 negative, -1 not usable. */
    private TreeMap<Long, Integer> labels(String node, int horizonDays) {
        HorizonLabels labels = HorizonLabels.label(table, fleet, LabelPolicy.of(Duration.ofDays(horizonDays)));
        TreeMap<Long, Integer> byTick = new TreeMap<>();
        for (int row = 0; row < table.size(); row++) {
            if (fleet.nodes().get(table.node(row)).equals(node)) {
                long tick = (table.time(row) - table.time(0)) / 86_400_000L;
                byTick.put(tick, labels.usable(row) ? (labels.positive(row) ? 1 : 0) : -1);
            }
        }
        return byTick;
    }

    @Test
    void withAOneDayHorizonOnlyTheFailureRowIsPositive() {
        TreeMap<Long, Integer> f = labels("F", 1);

        assertThat(f).hasSize(21);
        assertThat(f.get(20L)).isEqualTo(1);
        assertThat(f.headMap(20L).values()).containsOnly(0);
    }

    @Test
    void aSevenDayHorizonMarksTheFailureRowAndTheSixBeforeIt() {
        TreeMap<Long, Integer> f = labels("F", 7);

        assertThat(f.subMap(14L, true, 20L, true).values()).containsOnly(1).hasSize(7);
        assertThat(f.headMap(14L).values()).containsOnly(0);
    }

    @Test
    void leadTimesAreWholeDaysToTheEndOfTheFailureDay() {
        HorizonLabels labels = HorizonLabels.label(table, fleet, LabelPolicy.of(Duration.ofDays(7)));
        List<Long> leads = new java.util.ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            if (labels.usable(row) && labels.positive(row)) {
                leads.add(labels.example(table, fleet, row).leadTimeMillis() / 86_400_000L);
            }
        }
        assertThat(leads).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void healthyWindowsWhoseHorizonPassesTheEndOfTheDataAreNotLabelled() {
        TreeMap<Long, Integer> a = labels("A", 7);

        // the data ends with day 39, so failures are known until day 40 00:00: a window at day t needs t + 7 <= 40
        assertThat(a.headMap(33L, true).values()).containsOnly(0);
        assertThat(a.tailMap(34L).values()).containsOnly(-1).hasSize(6);
    }

    @Test
    void unsampledDataWeighsEveryExampleOnce() {
        HorizonLabels labels = HorizonLabels.label(table, fleet, LabelPolicy.of(Duration.ofDays(7)));
        assertThat(labels.example(table, fleet, 0).weight()).isEqualTo(1.0);
        assertThat(fleet.failsInData(fleet.indexOf("F"))).isTrue();
        assertThat(fleet.failsInData(fleet.indexOf("A"))).isFalse();
    }

    @Test
    void anEarlyMarginTakesTheDaysBeforeTheHorizonOutOfTrainingOnly() {
        HorizonLabels plain = HorizonLabels.label(table, fleet, LabelPolicy.of(Duration.ofDays(1)));
        int[] all = java.util.stream.IntStream.range(0, table.size()).filter(plain::usable).toArray();
        PreparedRecording prepared = new PreparedRecording(fleet, table, 1);

        List<dev.foresight.predictor.Example> unmargined = OfflineEvaluation.trainingExamples(all, plain, prepared, Duration.ZERO);
        List<dev.foresight.predictor.Example> margined = OfflineEvaluation.trainingExamples(all, plain, prepared, Duration.ofDays(3));

        // F fails at the end of day 20 (its row is the one positive at H = 1 day): the healthy rows of days 17..19, 2 to
        // 4 days before it, fail within 3 days after their horizon
        assertThat(without(days(unmargined, "F"), 17L, 18L, 19L)).isEqualTo(days(margined, "F"))
                .hasSize(days(unmargined, "F").size() - 3);
        // a healthy drive's window is known healthy only once H + M has been observed: the last 3 labelled days go
        assertThat(without(days(unmargined, "A"), 37L, 38L, 39L)).isEqualTo(days(margined, "A"))
                .hasSize(days(unmargined, "A").size() - 3);
        // every positive stays
        assertThat(margined.stream().filter(dev.foresight.predictor.Example::failed).count())
                .isEqualTo(unmargined.stream().filter(dev.foresight.predictor.Example::failed).count()).isPositive();
    }

    private static java.util.SortedSet<Long> without(java.util.SortedSet<Long> days, Long... removed) {
        java.util.SortedSet<Long> rest = new java.util.TreeSet<>(days);
        rest.removeAll(List.of(removed));
        return rest;
    }

    private java.util.SortedSet<Long> days(List<dev.foresight.predictor.Example> examples, String node) {
        return examples.stream().filter(e -> e.nodeId().equals(node)).map(e -> (e.timeMillis() - table.time(0)) / 86_400_000L)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
