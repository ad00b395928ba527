package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle's view of coming failures agrees with what then happens. */
class GroundTruthTest {

    @Test
    void upcomingFailuresForecastExactlyTheFailuresThatFollow() {
        // 64 nodes with a node MTBF of 127 h: about twelve failures in the day
        Scenario scenario = ScenarioLoader.parse("""
                nodes: 64
                failures:
                  weibull: {shape: 0.7, scaleHours: 100}
                """, "failing");
        ClusterSimulation sim = ClusterSimulation.create(scenario, 21);
        long horizon = 24 * 60;

        List<FailureForecast> forecast = sim.upcomingFailures(horizon);
        Map<String, String> firstFailure = new LinkedHashMap<>();
        for (int i = 0; i < horizon; i++) {
            TickReport report = sim.advance();
            for (NodeEventRecord e : report.events()) {
                if (e.kind() == NodeEventKind.FAILED) {
                    firstFailure.putIfAbsent(e.nodeId(), report.tick() + " " + e.cause()
                            + (e.detail().contains("sudden") ? " sudden" : " announced"));
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (FailureForecast f : forecast) {
            expected.add(f.nodeId() + "=" + f.failTick() + " " + f.failureClass().label() + (f.announced() ? " announced" : " sudden"));
            assertThat(f.degradationStartTick()).isLessThanOrEqualTo(f.failTick());
            if (!f.announced()) {
                assertThat(f.degradationStartTick()).isEqualTo(f.failTick());
            }
        }
        List<String> actual = firstFailure.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();

        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(expected.stream().sorted().toList()).isEqualTo(actual);
    }

    @Test
    void failingSeverityRampsOnlyBeforeAnnouncedFailures() {
        Scenario scenario = ScenarioLoader.parse("""
                nodes: 64
                failures:
                  weibull: {shape: 0.7, scaleHours: 100}
                """, "failing");
        ClusterSimulation sim = ClusterSimulation.create(scenario, 21);
        Map<String, FailureForecast> coming = new LinkedHashMap<>();
        sim.upcomingFailures(24 * 60).forEach(f -> coming.putIfAbsent(f.nodeId(), f));
        int announcedSeen = 0;
        for (int i = 0; i < 24 * 60; i++) {
            TickReport report = sim.advance();
            double[] severity = sim.failingSeverities();
            for (int n = 0; n < severity.length; n++) {
                String node = report.nodeStates().get(n).nodeId();
                FailureForecast f = coming.get(node);
                assertThat(severity[n]).isBetween(0.0, 1.0);
                boolean ramping = f != null && f.announced() && report.tick() >= f.degradationStartTick() && report.tick() < f.failTick();
                if (!ramping && (f == null || report.tick() < f.failTick())) {
                    assertThat(severity[n]).as("%s at tick %d", node, report.tick()).isZero();
                }
                if (ramping && report.tick() == f.failTick() - 1) {
                    assertThat(severity[n]).as("just before the failure").isGreaterThan(0.5);
                    announcedSeen++;
                }
            }
        }
        assertThat(announcedSeen).isGreaterThan(2);
    }

    @Test
    void theForecastIsSortedByTickAndShrinksWithTheHorizon() {
        ClusterSimulation sim = ClusterSimulation.create(ScenarioLoader.builtIn("default"), 3);

        List<FailureForecast> day = sim.upcomingFailures(1440);
        List<FailureForecast> hour = sim.upcomingFailures(60);

        assertThat(day).extracting(FailureForecast::failTick).isSorted();
        assertThat(day).containsAll(hour);
        assertThat(day).allSatisfy(f -> assertThat(f.failTick()).isLessThan(1440));
        assertThat(day.size()).isGreaterThan(hour.size());
    }
}
