package dev.foresight.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.AccountingSummary;
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

    /** A run whose accounting is the sample's with useful work, energy and lost work set. */
    static RunResult run(Policy policy, double usefulHours, double energyKwh, double lostHours, Path dir) {
        AccountingSummary s = SampleAccounting.summary();
        AccountingSnapshot t = s.totals();
        AccountingSnapshot totals = new AccountingSnapshot(t.tick(), t.executedCoreSeconds(), usefulHours * 3600, lostHours * 3600,
                t.checkpointCoreSeconds(), t.migrationCoreSeconds(), t.restartCoreSeconds(), energyKwh, t.powerWatts(),
                t.highPriorityWaitSeconds(), t.failures(), t.failuresWithVictims(), t.vmsLost(), t.jobsSubmitted(), t.jobsCompleted(),
                t.jobsRolledBack(), t.migrationsCompleted(), t.migrationsFailed(), t.checkpointsCompleted(), t.queuedJobs(),
                t.runningJobs(), t.busyCores(), t.poweredOnNodes());
        AccountingSummary summary = new AccountingSummary(s.scenarioName(), s.seed(), s.ticks(), s.simulatedHours(), totals,
                s.meanPowerWatts(), s.meanUtilization(), s.highPriorityJobsStarted());
        return new RunResult(policy, false, summary, List.of(totals), dir.resolve(policy.label()), Map.of(), Map.of(),
                Map.of("precision", 0.5, "falseAlarmsPerNodeDay", 0.1), List.of(), 1.0, Map.of());
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
}
