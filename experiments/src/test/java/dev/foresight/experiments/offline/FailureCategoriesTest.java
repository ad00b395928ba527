package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.predictor.Example;
import dev.foresight.producers.dataset.bluegene.BlueGeneImportOptions;
import dev.foresight.producers.dataset.bluegene.BlueGeneImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure-level counting on a hand-made machine: card N0 logs an error at 04:30 and panics at 08:20; card N1
 * has a Lustre mount failure at 09:30 with nothing before it; card N2 panics at 01:00, before the test period.
 * Windows and scores are written by hand, so every figure is known.
 */
class FailureCategoriesTest {

    @TempDir
    Path dir;

    private RecordedFleet fleet;

    private static long at(String time) {
        return Instant.parse("2005-07-06T" + time + ":00Z").toEpochMilli();
    }

    @BeforeEach
    void machine() throws Exception {
        Path failures = Files.writeString(dir.resolve("f.log"), """
                2005-07-06-01.00.00.000000 R00-M0-N2-C:J02-U01 RAS KERNEL FATAL rts panic! - stopping execution
                2005-07-06-08.20.00.000000 R00-M0-N0-C:J02-U01 RAS KERNEL FATAL rts panic! - stopping execution
                2005-07-06-09.30.00.000000 R00-M0-N1-I:J18-U11 RAS KERNEL FATAL Lustre mount FAILED : bglio1 : block_id : location
                """);
        Path warnings = Files.writeString(dir.resolve("w.log"), """
                2005-07-06-00.10.00.000000 R00-M0-N3-C:J02-U01 RAS KERNEL FATAL data storage interrupt
                2005-07-06-04.30.00.000000 R00-M0-N0-C:J02-U01 RAS KERNEL FATAL machine check interrupt (bit=0x06): L3 major internal error
                """);
        BlueGeneImporter.run(BlueGeneImportOptions.builder(failures, warnings, dir.resolve("rec"))
                .until(Instant.parse("2005-07-06T20:00:00Z")).build());
        fleet = RecordedFleet.open(dir.resolve("rec"));
    }

    /** The four windows of N0 before its panic (05:00 .. 08:00, leads 200, 140, 80 and 20 minutes). */
    private static List<Example> windows() {
        long failure = at("08:20");
        return List.of(
                Example.positive("R00-M0-N0", at("05:00"), new double[1], failure - at("05:00")),
                Example.positive("R00-M0-N0", at("06:00"), new double[1], failure - at("06:00")),
                Example.positive("R00-M0-N0", at("07:00"), new double[1], failure - at("07:00")),
                Example.positive("R00-M0-N0", at("08:00"), new double[1], failure - at("08:00")),
                Example.negative("R00-M0-N3", at("05:00"), new double[1]));
    }

    private static final double[] SCORES = {0.2, 0.9, 0.3, 0.95, 0.1};

    private Map<String, CategoryRecall> measure(Duration minLead, double fixedThreshold) {
        CategoryReport r = FailureCategories.measure(fleet, TestScope.allNodes(fleet.nodes().size(), at("00:00")), Duration.ofHours(6),
                minLead, windows(), SCORES, 0.5, List.of(new RecallAtPrecision(0.85, 0.5, fixedThreshold)), OptionalDouble.of(0.05));
        assertThat(r.silentNodeScore()).isEqualTo(0.05);
        assertThat(r.silentNodeAlarms()).isFalse();
        return r.categories().stream().collect(Collectors.toMap(CategoryRecall::category, c -> c));
    }

    @Test
    void aFailureWithoutAnyWindowIsMissedNotLeftOut() {
        Map<String, CategoryRecall> c = measure(Duration.ofMinutes(10), 0.92);

        assertThat(c.get("fs-mount").failures()).isEqualTo(1);
        assertThat(c.get("fs-mount").withWindow()).isZero();
        assertThat(c.get("fs-mount").warned()).isZero();
        assertThat(c.get("fs-mount").recall()).isZero();
        assertThat(c.get("all").failures()).as("N2's panic at 01:00 has its horizon before the test period").isEqualTo(2);
        assertThat(c.get("all").recall()).isEqualTo(0.5);
    }

    @Test
    void theEarliestAlarmWithEnoughLeadGivesTheLead() {
        CategoryRecall panic = measure(Duration.ofMinutes(10), 0.92).get("kernel-panic");

        assertThat(panic.failures()).isEqualTo(1);
        assertThat(panic.withWindow()).isEqualTo(1);
        assertThat(panic.warned()).as("the 04:30 error is counted in the tick ending 05:00, within [02:20, 08:10]").isEqualTo(1);
        assertThat(panic.detected()).isEqualTo(1);
        assertThat(panic.leadP50Minutes()).isEqualTo(140.0); // 06:00 alarms (0.9); 05:00 (0.2) does not
        assertThat(panic.atPrecision().get(0).recall()).as("the 08:00 window scores 0.95 >= 0.92").isEqualTo(1.0);
    }

    @Test
    void anAlarmTooCloseToTheFailureDoesNotCount() {
        CategoryRecall panic = measure(Duration.ofMinutes(30), 0.92).get("kernel-panic");

        assertThat(panic.detected()).isEqualTo(1); // 06:00 still alarms at the calibrated threshold
        assertThat(panic.atPrecision().get(0).recall()).as("only the 08:00 window (20 min ahead) reached 0.92").isZero();
        assertThat(measure(Duration.ofHours(5), 0.92).get("kernel-panic").withWindow()).isZero();
    }

    @Test
    void failuresOutsideTheTestNodesAreNotCounted() {
        boolean[] onlyN1 = new boolean[fleet.nodes().size()];
        onlyN1[fleet.indexOf("R00-M0-N1")] = true;

        CategoryReport r = FailureCategories.measure(fleet, new TestScope(onlyN1, at("00:00")), Duration.ofHours(6), Duration.ofMinutes(10),
                windows(), SCORES, 0.5, List.of(), OptionalDouble.empty());

        assertThat(r.categories()).extracting(CategoryRecall::category).containsExactly("all", "fs-mount");
        assertThat(r.silentNodeScore()).isNull();
    }
}
