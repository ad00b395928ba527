package dev.foresight.producers.dataset.lanl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.foresight.cluster.FailureTrace;
import dev.foresight.producers.dataset.DatasetFormatException;
import dev.foresight.producers.dataset.SharedDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanlImporterTest {

    private static final Path CUT = SharedDatasets.resource("lanl/lanl-cut.csv");

    @TempDir
    Path dir;

    private static SystemTrace system(LanlDataset dataset, String id) {
        return dataset.systems().stream().filter(s -> s.system().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void malformedRecordsAreSkippedAndCountedByReason() {
        LanlDataset dataset = LanlImporter.read(CUT, false);

        assertThat(dataset.rowsRead()).isEqualTo(19);
        assertThat(dataset.skipped()).containsOnly(entry("BAD_START_TIME", 1L), entry("BAD_NODE", 1L), entry("BAD_REPAIR_TIME", 1L),
                entry("WRONG_COLUMN_COUNT", 1L), entry("MISSING_SYSTEM", 1L));
        assertThat(dataset.skippedExamples().get("BAD_NODE")).singleElement().asString()
                .contains("lanl-cut.csv:17: column 7 (nodenumz): 'n7' is not a node number");
        assertThat(dataset.systems()).extracting(SystemTrace::system).containsExactly("2", "17", "99");
    }

    @Test
    void sameEventRecordsAndRepeatedReportsOfOneOutageAreCollapsed() {
        SystemTrace trace = system(LanlImporter.read(CUT, false), "99");

        assertThat(trace.counts()).isEqualTo(new CollapseCounts(5, 1, 1, 0));
        assertThat(trace.epoch()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(trace.outages()).extracting(Outage::node).containsExactly(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(0));
        // node 0 down 0:00-1:00 and again reported 0:30-1:30: one outage until 1:30
        assertThat(trace.outages().get(0).repairSeconds()).isEqualTo(5400);
        // node 2's Same Event record extends node 1's outage (0:00-0:30) to 0:50
        assertThat(trace.outages().get(1).repairSeconds()).isEqualTo(3000);
        // no Down Time: Prob Fixed - Prob Started
        assertThat(trace.outages().get(2).repairSeconds()).isEqualTo(7200);
    }

    @Test
    void recordsWithoutANodeAreSystemWideAndQuotedCausesKeepTheirCommas() {
        LanlDataset dataset = LanlImporter.read(CUT, false);

        assertThat(system(dataset, "17").counts().systemWide()).isEqualTo(3);
        assertThat(system(dataset, "17").outages()).allSatisfy(o -> assertThat(o.node()).isEmpty());
        assertThat(system(dataset, "2").outages()).extracting(Outage::cause).contains("Software/MPI, PVM, Array services");
    }

    @Test
    void strictModeStopsAtTheFirstMalformedRecord() {
        assertThatThrownBy(() -> LanlImporter.read(CUT, true))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("lanl-cut.csv:16:").hasMessageContaining("BAD_START_TIME");
    }

    @Test
    void tracesAreWrittenPerSystemAndLoadAsTheClusterFailureTrace() throws Exception {
        LanlImporter.write(LanlImporter.read(CUT, false), dir, false);

        assertThat(dir.resolve("traces.json")).exists();
        assertThat(Files.readAllLines(dir.resolve("system-99.csv"))).containsExactly(
                "node,fail_at_seconds,repair_seconds,started_utc,cause",
                "0,0,5400,2000-01-01T00:00:00Z,Hardware/Memory",
                "1,86400,3000,2000-01-02T00:00:00Z,Hardware/Memory",
                "0,381600,7200,2000-01-05T10:00:00Z,Hardware/Memory");
        FailureTrace trace = FailureTraceFile.load(dir.resolve("system-99.csv"));
        assertThat(trace.forNode(0)).containsExactly(new FailureTrace.Entry(0, 0, 5400), new FailureTrace.Entry(0, 381_600, 7200));
        assertThat(trace.forNode(1)).containsExactly(new FailureTrace.Entry(1, 86_400, 3000));
        FailureTrace later = FailureTraceFile.load(dir.resolve("system-99.csv"), Instant.parse("2000-01-02T00:00:00Z"));
        assertThat(later.entries()).containsExactly(new FailureTrace.Entry(0, 295_200, 7200), new FailureTrace.Entry(1, 0, 3000));
        assertThat(FailureTraceFile.load(dir.resolve("system-17.csv")).entries()).isEmpty(); // system-wide only: no node to fail
    }

    @Test
    void aTraceDirectoryReadsBackWithItsCollapseCounts() {
        LanlDataset original = LanlImporter.read(CUT, false);
        LanlImporter.write(original, dir, false);

        LanlDataset back = LanlTraces.load(dir);

        assertThat(back.systems()).extracting(SystemTrace::system).containsExactly("2", "17", "99");
        assertThat(system(back, "99").counts()).isEqualTo(system(original, "99").counts());
        assertThat(system(back, "99").outages()).isEqualTo(system(original, "99").outages());
    }

    @Test
    void aBrokenTraceFileNamesLineAndColumn() throws Exception {
        Path file = dir.resolve("system-1.csv");
        Files.writeString(file, "node,fail_at_seconds,repair_seconds,started_utc,cause\n0,zero,60,2000-01-01T00:00:00Z,x\n");

        assertThatThrownBy(() -> FailureTraceFile.read(file))
                .hasMessageContaining("system-1.csv:2: column 2 (fail_at_seconds): 'zero' is not a number of seconds");
    }

    @Test
    void theSharedFileHas22SystemsAndNoSameEventRecords() {
        LanlDataset dataset = LanlImporter.read(SharedDatasets.file(SharedDatasets.LANL), false);

        assertThat(dataset.rowsRead()).isEqualTo(18_405);
        assertThat(dataset.rowsSkipped()).isZero();
        assertThat(dataset.systems()).hasSize(22);
        assertThat(dataset.systems().stream().mapToLong(s -> s.counts().records()).sum()).isEqualTo(18_405);
        assertThat(dataset.systems().stream().mapToLong(s -> s.counts().sameEventMerged()).sum()).isZero();
        assertThat(system(dataset, "17").counts().systemWide()).isEqualTo(126);
        // the README's 2,653 (System, nodenumz) pairs count system 17's blank node number as one
        assertThat(dataset.systems().stream().mapToLong(SystemTrace::nodesWithOutages).sum()).isEqualTo(2_653 - 1);
        assertThat(dataset.sources()).extracting(s -> s.sha256())
                .containsExactly("8d9bee8d57faffdff6dee4bac71fa5c125f2a9e527274deb1f76a79b0691fcd6");
    }

    @Test
    void missingInputIsNamed() {
        assertThatThrownBy(() -> LanlTraces.load(dir.resolve("nothing"))).hasMessageContaining("nothing: no such file or directory");
        assertThatThrownBy(() -> LanlTraces.load(dir)).hasMessageContaining("holds no system-*.csv trace");
    }
}
