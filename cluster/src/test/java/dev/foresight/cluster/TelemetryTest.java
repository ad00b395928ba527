package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the sensors show: one metric vocabulary, counters that only grow, precursors that ramp before
 * predictable failures (and only then), and false alarms that look like precursors without a failure.
 */
class TelemetryTest {

    private static final long MINUTE = 60_000;
    /** The metrics the tests look at, in this order in each {@link Reading}. */
    private static final List<String> WATCHED = List.of(
            Metrics.ECC_CORRECTABLE_TOTAL, Metrics.FAN_RPM, Metrics.TEMP_CPU_C, Metrics.PSU_VOLTAGE_V,
            Metrics.ECC_UNCORRECTABLE_TOTAL, Metrics.DISK_REALLOCATED_TOTAL, Metrics.DISK_PENDING_SECTORS,
            Metrics.LOG_WARNINGS_TOTAL, Metrics.LOG_ERRORS_TOTAL);

    /** Each node fails about every two days; every class with sensors, each announced with the given share. */
    private static Scenario scenario(int nodes, int hours, double announced, double falseAlarmsPerNodeDay) {
        return ScenarioLoader.parse("""
                name: sensors
                nodes: %1$d
                racks: 4
                durationHours: %2$d
                failures:
                  weibull: {shape: 1.0, scaleHours: 48}
                  repair: {mu: 0.0, sigma: 0.3}
                  classes:
                    memory: {share: 0.3, announced: %3$s, leadMinutes: {min: 60, max: 120}}
                    thermal: {share: 0.2, announced: %3$s, leadMinutes: {min: 60, max: 120}}
                    power: {share: 0.2, announced: %3$s, leadMinutes: {min: 60, max: 120}}
                    disk: {share: 0.15, announced: %3$s, leadMinutes: {min: 60, max: 120}}
                    software: {share: 0.15, announced: %3$s, leadMinutes: {min: 60, max: 120}}
                    other: {share: 0}
                  falseAlarms: {ratePerNodeDay: %4$s}
                """.formatted(nodes, hours, announced, falseAlarmsPerNodeDay), "sensors");
    }

    /** A compact sample: time and the {@link #WATCHED} values (full samples of a long run would not fit in memory). */
    private record Reading(long timeMillis, double[] values) {
        double get(String metric) {
            return values[WATCHED.indexOf(metric)];
        }
    }

    private record Run(Map<String, List<Reading>> readings, List<NodeEventRecord> failures, List<List<HealthStatus>> health) {}

    /** Runs to the end, checking the vocabulary, the sorted maps and the counters of every sample on the way. */
    private static Run run(ClusterSimulation sim) {
        Map<String, List<Reading>> readings = new TreeMap<>();
        List<NodeEventRecord> failures = new ArrayList<>();
        List<List<HealthStatus>> health = new ArrayList<>();
        while (!sim.finished()) {
            TickReport report = sim.advance();
            for (TelemetrySample s : report.telemetry()) {
                assertThat(List.copyOf(s.metrics().keySet())).isEqualTo(Metrics.ALL);
                assertThat(s.timeMillis()).isEqualTo(report.timeMillis());
                assertThat(s.metrics().get(Metrics.CPU_UTIL)).isBetween(0.0, 1.0);
                double[] values = WATCHED.stream().mapToDouble(m -> s.metrics().get(m)).toArray();
                List<Reading> series = readings.computeIfAbsent(s.nodeId(), k -> new ArrayList<>());
                if (!series.isEmpty()) {
                    Reading previous = series.get(series.size() - 1);
                    assertThat(values[0]).as("ECC counter").isGreaterThanOrEqualTo(previous.values()[0]);
                }
                series.add(new Reading(s.timeMillis(), values));
            }
            List<String> reporting = report.telemetry().stream().map(TelemetrySample::nodeId).toList();
            List<String> powered = report.nodeStates().stream()
                    .filter(n -> n.health() != HealthStatus.FAILED && n.health() != HealthStatus.REPAIRING)
                    .filter(n -> n.power() != PowerStatus.OFF)
                    .map(NodeView::nodeId).toList();
            assertThat(reporting).isEqualTo(powered);
            report.events().stream().filter(e -> e.kind() == NodeEventKind.FAILED).forEach(failures::add);
            health.add(report.nodeStates().stream().map(NodeView::health).toList());
        }
        return new Run(readings, failures, health);
    }

    /** 64 nodes for three days, every failure announced: about 90 failures. Shared by several tests. */
    private static Run predictable;

    private static synchronized Run predictableRun() {
        if (predictable == null) {
            predictable = run(ClusterSimulation.create(scenario(64, 72, 1.0, 0), 5));
        }
        return predictable;
    }

    /** The node's readings in (from, to]. */
    private static List<Reading> window(Run run, String node, long fromMillis, long toMillis) {
        return run.readings().getOrDefault(node, List.of()).stream()
                .filter(s -> s.timeMillis() > fromMillis && s.timeMillis() <= toMillis).toList();
    }

    private static double delta(List<Reading> window, String counter) {
        return window.size() < 2 ? 0 : window.get(window.size() - 1).get(counter) - window.get(0).get(counter);
    }

    private static double mean(List<Reading> window, String metric) {
        return window.stream().mapToDouble(s -> s.get(metric)).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    @Test
    void everyPoweredNodeReportsTheWholeVocabularyEveryTick() {
        Run run = predictableRun();

        assertThat(run.failures()).hasSizeGreaterThan(40);
        assertThat(run.readings()).hasSize(64);
        assertThat(Metrics.ALL).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void announcedFailuresShowInTheirClassSensors() {
        Run run = predictableRun();
        List<Double> eccBeforeMemoryFailures = new ArrayList<>();
        List<Double> eccEarlier = new ArrayList<>();
        List<Double> uncorrectableBeforeMemoryFailures = new ArrayList<>();
        List<Double> fanRatioBeforeThermal = new ArrayList<>();
        List<Double> tempRiseBeforeThermal = new ArrayList<>();
        List<Double> voltageDropBeforePower = new ArrayList<>();
        List<Double> reallocationsBeforeDisk = new ArrayList<>();
        List<Double> pendingBeforeDisk = new ArrayList<>();
        List<Double> warningsBeforeSoftware = new ArrayList<>();
        List<Double> warningsEarlier = new ArrayList<>();
        List<Double> errorsBeforeSoftware = new ArrayList<>();
        Map<String, Long> lastFailure = new HashMap<>();

        for (NodeEventRecord failure : run.failures()) {
            long t = failure.timeMillis();
            long previous = lastFailure.getOrDefault(failure.nodeId(), Long.MIN_VALUE);
            lastFailure.put(failure.nodeId(), t);
            List<Reading> last = window(run, failure.nodeId(), t - 30 * MINUTE, t);
            List<Reading> before = window(run, failure.nodeId(), t - 8 * 60 * MINUTE, t - 3 * 60 * MINUTE);
            if (last.size() < 20 || before.size() < 200 || previous > t - 9 * 60 * MINUTE) {
                continue; // just booted after a repair: no clean baseline
            }
            List<Reading> lastTen = last.subList(last.size() - 10, last.size());
            assertThat(failure.detail()).startsWith(failure.cause() + ", announced");
            switch (failure.cause()) {
                case "memory" -> {
                    eccBeforeMemoryFailures.add(delta(last, Metrics.ECC_CORRECTABLE_TOTAL));
                    eccEarlier.add(delta(before.subList(0, 31), Metrics.ECC_CORRECTABLE_TOTAL));
                    uncorrectableBeforeMemoryFailures.add(delta(last, Metrics.ECC_UNCORRECTABLE_TOTAL));
                }
                case "thermal" -> {
                    fanRatioBeforeThermal.add(mean(lastTen, Metrics.FAN_RPM) / mean(before, Metrics.FAN_RPM));
                    tempRiseBeforeThermal.add(mean(lastTen, Metrics.TEMP_CPU_C) - mean(before, Metrics.TEMP_CPU_C));
                }
                case "power" -> voltageDropBeforePower.add(mean(before, Metrics.PSU_VOLTAGE_V) - mean(lastTen, Metrics.PSU_VOLTAGE_V));
                case "disk" -> {
                    reallocationsBeforeDisk.add(delta(last, Metrics.DISK_REALLOCATED_TOTAL));
                    pendingBeforeDisk.add(mean(lastTen, Metrics.DISK_PENDING_SECTORS));
                }
                case "software" -> {
                    warningsBeforeSoftware.add(delta(last, Metrics.LOG_WARNINGS_TOTAL));
                    warningsEarlier.add(delta(before.subList(0, 31), Metrics.LOG_WARNINGS_TOTAL));
                    errorsBeforeSoftware.add(delta(last, Metrics.LOG_ERRORS_TOTAL));
                }
                default -> throw new AssertionError("unexpected cause " + failure.cause());
            }
        }

        assertThat(eccBeforeMemoryFailures).hasSizeGreaterThan(10);
        assertThat(median(eccBeforeMemoryFailures)).as("ECC errors in the last 30 min").isGreaterThan(15);
        assertThat(median(eccEarlier)).as("ECC errors in 30 min hours earlier").isLessThan(2);
        assertThat(uncorrectableBeforeMemoryFailures.stream().filter(d -> d > 0).count())
                .as("failing DIMMs with an uncorrectable error in their last 30 min").isGreaterThan(2);
        assertThat(fanRatioBeforeThermal).hasSizeGreaterThan(4);
        assertThat(median(fanRatioBeforeThermal)).as("fan speed ratio").isLessThan(0.85);
        assertThat(median(tempRiseBeforeThermal)).as("CPU temperature rise").isGreaterThan(8);
        assertThat(voltageDropBeforePower).hasSizeGreaterThan(2);
        assertThat(median(voltageDropBeforePower)).as("12 V rail sag").isGreaterThan(0.15);
        assertThat(reallocationsBeforeDisk).hasSizeGreaterThan(2);
        assertThat(median(reallocationsBeforeDisk)).as("sectors reallocated in the last 30 min").isGreaterThan(3);
        assertThat(median(pendingBeforeDisk)).as("pending sectors in the last 10 min").isGreaterThan(5);
        assertThat(warningsBeforeSoftware).hasSizeGreaterThan(2);
        assertThat(median(warningsBeforeSoftware)).as("log warnings in the last 30 min")
                .isGreaterThan(median(warningsEarlier) + 5);
        assertThat(errorsBeforeSoftware.stream().filter(d -> d > 0).count())
                .as("hangs with an error-level message in their last 30 min").isGreaterThan(1);
    }

    @Test
    void groundTruthDegradationPrecedesEveryPredictableFailure() {
        Run run = predictableRun();
        long firstTickMillis = run.readings().values().iterator().next().get(0).timeMillis();
        int checked = 0;
        for (NodeEventRecord failure : run.failures()) {
            int tick = (int) ((failure.timeMillis() - firstTickMillis) / MINUTE);
            if (tick < 1) {
                continue;
            }
            int index = Integer.parseInt(failure.nodeId().substring("node-".length()));
            HealthStatus before = run.health().get(tick - 1).get(index);
            if (before != HealthStatus.REPAIRING) {
                assertThat(before).as("%s one tick before it failed", failure.nodeId()).isEqualTo(HealthStatus.DEGRADED);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void suddenFailuresGiveNoWarning() {
        Run run = run(ClusterSimulation.create(scenario(32, 48, 0.0, 0), 5));
        List<Double> ecc = new ArrayList<>();
        for (NodeEventRecord failure : run.failures()) {
            assertThat(failure.detail()).startsWith(failure.cause() + ", sudden");
            ecc.add(delta(window(run, failure.nodeId(), failure.timeMillis() - 30 * MINUTE, failure.timeMillis()),
                    Metrics.ECC_CORRECTABLE_TOTAL));
        }

        assertThat(ecc).hasSizeGreaterThan(15);
        assertThat(median(ecc)).isLessThan(2);
        assertThat(run.health()).allSatisfy(tick -> assertThat(tick).doesNotContain(HealthStatus.DEGRADED));
    }

    @Test
    void falseAlarmsLookLikePrecursorsButNoFailureFollows() {
        ClusterSimulation sim = ClusterSimulation.builder(scenario(32, 48, 1.0, 2.0)).seed(4).failureTrace(FailureTrace.empty()).build();
        Run run = run(sim);
        int eccBursts = 0;
        int hotSpells = 0;
        int warningBursts = 0;
        double uncorrectable = 0;
        double pending = 0;
        double errors = 0;
        for (List<Reading> series : run.readings().values()) {
            for (int i = 30; i < series.size(); i += 30) {
                if (delta(series.subList(i - 30, i), Metrics.ECC_CORRECTABLE_TOTAL) >= 10) {
                    eccBursts++;
                }
                if (delta(series.subList(i - 30, i), Metrics.LOG_WARNINGS_TOTAL) >= 10) {
                    warningBursts++;
                }
            }
            double baseline = median(series.stream().map(s -> s.get(Metrics.TEMP_CPU_C)).toList());
            if (series.stream().anyMatch(s -> s.get(Metrics.TEMP_CPU_C) > baseline + 12)) {
                hotSpells++;
            }
            uncorrectable += delta(series, Metrics.ECC_UNCORRECTABLE_TOTAL);
            pending += series.stream().mapToDouble(s -> s.get(Metrics.DISK_PENDING_SECTORS)).sum();
            errors += delta(series, Metrics.LOG_ERRORS_TOTAL);
        }

        assertThat(run.failures()).isEmpty();
        assertThat(run.health()).allSatisfy(tick -> assertThat(tick).doesNotContain(HealthStatus.DEGRADED));
        assertThat(eccBursts).as("30-min windows with an ECC burst").isGreaterThan(10);
        assertThat(hotSpells).as("nodes that ran hot for a while").isGreaterThan(3);
        assertThat(warningBursts).as("30-min windows with a burst of log warnings").isGreaterThan(2);
        // a benign anomaly moves only the first symptom: the hard ones stay with failing parts
        assertThat(uncorrectable).as("uncorrectable errors in 32 node-days without a failing DIMM").isLessThan(3);
        assertThat(pending).as("pending sectors without a failing disk").isZero();
        assertThat(errors).as("error-level log messages in 32 node-days without a hang (background 0.01 per hour)").isLessThan(30);
    }

    @Test
    void aFailingFanSagsWhileAHotSpellLeavesTheFanObeyingItsController() {
        // same seed and traits: the two runs differ only in whether the thermal episodes end in failures
        Run failing = predictableRun();
        List<Double> failingRatios = new ArrayList<>();
        for (NodeEventRecord failure : failing.failures()) {
            if ("thermal".equals(failure.cause())) {
                List<Reading> last = window(failing, failure.nodeId(), failure.timeMillis() - 10 * MINUTE, failure.timeMillis());
                if (last.size() >= 5) {
                    failingRatios.add(fanPerDegree(last));
                }
            }
        }
        Run benign = run(ClusterSimulation.builder(scenario(32, 48, 1.0, 2.0)).seed(4).failureTrace(FailureTrace.empty()).build());
        List<Double> benignRatios = new ArrayList<>();
        for (List<Reading> series : benign.readings().values()) {
            double baseline = median(series.stream().map(s -> s.get(Metrics.TEMP_CPU_C)).toList());
            for (int i = 10; i < series.size(); i += 10) {
                List<Reading> w = series.subList(i - 10, i);
                if (mean(w, Metrics.TEMP_CPU_C) > baseline + 12) {
                    benignRatios.add(fanPerDegree(w));
                }
            }
        }

        assertThat(failingRatios).hasSizeGreaterThan(4);
        assertThat(benignRatios).hasSizeGreaterThan(4);
        assertThat(median(benignRatios)).as("fan rpm per degree in a hot spell")
                .isGreaterThan(median(failingRatios) * 1.3);
    }

    /** Fan speed per degree Celsius: what the controller asks for rises with temperature, a failing fan delivers less. */
    private static double fanPerDegree(List<Reading> window) {
        return mean(window, Metrics.FAN_RPM) / mean(window, Metrics.TEMP_CPU_C);
    }
}
