package dev.foresight.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.AccountingSummary;
import dev.foresight.experiments.JudgedFailure;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single experiment's report leads with the net benefit against periodic, in words with units. */
class ExperimentReportTest {

    private static final ExperimentReport.Context CONTEXT = new ExperimentReport.Context("hand", 7, "inprocess", 150, 4, 30,
            "drawn from the seed");

    /** Two memory failures (one caught 25 minutes ahead), a thermal one caught 8 minutes ahead, a sudden one missed. */
    static final List<JudgedFailure> JUDGED = List.of(new JudgedFailure("memory", true, 25.0),
            new JudgedFailure("memory", true, null), new JudgedFailure("thermal", true, 8.0),
            new JudgedFailure("software", false, null));

    /** A run whose accounting is the sample's with useful work, energy and lost work set. */
    static RunResult run(Policy policy, double usefulHours, double energyKwh, double lostHours, Path dir) {
        AccountingSummary s = SampleAccounting.summary();
        AccountingSnapshot t = s.totals();
        AccountingSnapshot totals = new AccountingSnapshot(t.tick(), t.executedCoreSeconds(), usefulHours * 3600, lostHours * 3600,
                t.checkpointCoreSeconds(), t.migrationCoreSeconds(), t.restartCoreSeconds(), energyKwh, t.powerWatts(),
                t.highPriorityWaitSeconds(), t.failures(), t.failuresWithVictims(), t.vmsLost(), t.jobsSubmitted(), t.jobsCompleted(),
                t.jobsRolledBack(), t.migrationsCompleted(), t.migrationsFailed(), t.checkpointsCompleted(), t.queuedJobs(),
                t.runningJobs(), t.busyCores(), t.poweredOnNodes(), t.quarantinedNodeSeconds());
        AccountingSummary summary = new AccountingSummary(s.scenarioName(), s.seed(), s.ticks(), s.simulatedHours(), totals,
                s.meanPowerWatts(), s.meanUtilization(), s.highPriorityJobsStarted());
        return new RunResult(policy, false, summary, List.of(totals), dir.resolve(policy.label()), Map.of(), Map.of(),
                Map.of("precision", 0.5, "falseAlarmsPerNodeDay", 0.1), List.of(), JUDGED, 1.0, Map.of());
    }

    @Test
    void theNetBenefitAgainstPeriodicComesFirstInWords(@TempDir Path dir) throws Exception {
        ExperimentReport report = new ExperimentReport(CONTEXT, List.of(run(Policy.PERIODIC, 1000, 50, 40, dir),
                run(Policy.PROACTIVE, 950, 52, 10, dir)));

        String html = Files.readString(report.writeHtml(dir));

        int netBenefit = html.indexOf("Net benefit against periodic checkpointing");
        assertThat(netBenefit).isPositive().isLessThan(html.indexOf("<h2>Summary</h2>"));
        assertThat(html.substring(netBenefit)).contains("<td>proactive</td><td>-50 (-5.0 %)</td><td>+2 (+4.0 %)</td><td>-30 (-75.0 %)</td>");
        assertThat(html).contains("<td>Useful work, core-hours</td>", "<td>Energy, kWh</td>", "False alarms (episodes without a failure), per node-day")
                .doesNotContain(">usefulCoreHours<", ">lostCoreHours<", ">falseAlarmsPerNodeDay<");
        assertThat(html.indexOf("<td>Useful work, core-hours</td>")).isLessThan(html.indexOf("<td>Lost work, core-hours</td>"));
    }

    @Test
    void summaryJsonGivesEachPolicyItsDifferenceFromPeriodic(@TempDir Path dir) throws Exception {
        ExperimentReport report = new ExperimentReport(CONTEXT, List.of(run(Policy.PERIODIC, 1000, 50, 40, dir),
                run(Policy.ORACLE, 1010, 49, 5, dir)));

        JsonNode runs = new ObjectMapper().readTree(report.writeSummaryJson(dir).toFile()).get("runs");

        assertThat(runs.get(0).has("differenceFromPeriodic")).as("periodic is the reference").isFalse();
        JsonNode oracle = runs.get(1).get("differenceFromPeriodic");
        assertThat(oracle.get("usefulCoreHours").asDouble()).isEqualTo(10.0);
        assertThat(oracle.get("energyKwh").asDouble()).isEqualTo(-1.0);
        assertThat(oracle.get("lostCoreHours").asDouble()).isEqualTo(-35.0);
        assertThat(runs.get(1).get("usefulCoreHours").asDouble()).as("the figures' keys stay").isEqualTo(1010.0);
    }

    @Test
    void withoutAPeriodicRunTheReportSaysSo(@TempDir Path dir) throws Exception {
        ExperimentReport report = new ExperimentReport(CONTEXT, List.of(run(Policy.NO_PROTECTION, 900, 50, 90, dir)));

        assertThat(Files.readString(report.writeHtml(dir))).contains("No periodic run in this experiment to measure against");
    }

    @Test
    void thePredictorSectionBreaksFailuresDownByClassWithTheirLeadTimes(@TempDir Path dir) throws Exception {
        ExperimentReport report = new ExperimentReport(CONTEXT, List.of(run(Policy.PROACTIVE, 950, 52, 10, dir)));

        String html = Files.readString(report.writeHtml(dir));

        String table = html.substring(html.indexOf("<h4>By failure class</h4>"));
        assertThat(table).contains("<tr><td>memory</td><td>2</td><td>2</td><td>1</td><td>0.5000</td><td>0.5000</td><td>25</td></tr>",
                "<tr><td>software</td><td>1</td><td>0</td><td>0</td><td>0</td><td>–</td><td>–</td></tr>",
                "<tr><td>all</td><td>4</td><td>3</td><td>2</td><td>0.5000</td><td>0.6667</td><td>8</td></tr>");
        assertThat(table.indexOf("<td>memory</td>")).isLessThan(table.indexOf("<td>thermal</td>"));
        assertThat(table).contains("<img alt=chart");
    }

    @Test
    void theLeadTimeHistogramUsesFewWholeBinsAndCountsEachCaughtFailureOnce() {
        var byClass = new java.util.TreeMap<String, List<JudgedFailure>>();
        JUDGED.forEach(f -> byClass.computeIfAbsent(f.cause(), k -> new java.util.ArrayList<>()).add(f));

        var histogram = FailureClassTable.histogram(byClass);

        assertThat(histogram).containsOnlyKeys("memory", "thermal");
        assertThat(histogram.get("memory")).containsExactly(java.util.Map.entry("0-5", 0.0), java.util.Map.entry("5-10", 0.0),
                java.util.Map.entry("10-15", 0.0), java.util.Map.entry("15-20", 0.0), java.util.Map.entry("20-25", 0.0),
                java.util.Map.entry("25-30", 1.0));
        assertThat(histogram.get("thermal").get("5-10")).isEqualTo(1.0);
        assertThat(histogram.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum()).isEqualTo(2.0);
    }
}
