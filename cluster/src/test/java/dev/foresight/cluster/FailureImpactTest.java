package dev.foresight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.command.OutcomeStatus;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.cluster.workload.JobSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures replayed from traces onto hand-placed jobs, with hand-computed consequences. */
class FailureImpactTest {

    /** job-a: two 8-core, 16 GB VMs on node-0000; MPI, so one lost VM rolls the whole job back. */
    private static final JobSpec JOB_A = new JobSpec("job-a", JobKind.MPI, 0, 2, 8, 16_384, false, 0, 36_000, 0);
    /** Periodic checkpoints every 10 min of compute; each costs 5 s drain + 16,384 MB / 500 MB/s. */
    private static final double C = 5 + 16_384 / 500.0;

    private static ClusterSimulation sim(String yaml, List<FailureTrace.Entry> failures) {
        return ClusterSimulation.builder(Fixtures.fourNodes(yaml))
                .failureTrace(new FailureTrace(failures))
                .jobTrace(List.of(JOB_A))
                .build();
    }

    private static List<TickReport> run(ClusterSimulation sim, int ticks) {
        List<TickReport> reports = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            reports.add(sim.advance());
            assertThat(sim.invariantViolations()).isEmpty();
        }
        return reports;
    }

    @Test
    void aFailureKillsTheVmsAndRollsTheJobBackToItsLastCheckpoint() {
        // node-0000 fails at 2,730 s, inside tick 45, and is repaired 600 s later
        ClusterSimulation sim = sim("checkpointing: {policy: periodic, intervalMinutes: 10}\n",
                List.of(new FailureTrace.Entry(0, 2_730, 600)));

        List<TickReport> reports = run(sim, 60);

        // by 2,700 s: four cycles of 600 s compute + C, then 148.9 s of compute not yet saved
        double unsaved = 2_700 - 4 * (600 + C);
        TickReport failed = reports.get(45);
        assertThat(failed.events()).anySatisfy(e -> {
            assertThat(e.nodeId()).isEqualTo("node-0000");
            assertThat(e.kind()).isEqualTo(NodeEventKind.FAILED);
            assertThat(e.detail()).contains("2 VM(s) of 1 job(s) lost");
        });
        assertThat(failed.accounting().lostCoreSeconds()).isCloseTo(unsaved * 16, within(1e-6));
        assertThat(failed.accounting().failures()).isEqualTo(1);
        assertThat(failed.accounting().failuresWithVictims()).isEqualTo(1);
        assertThat(failed.accounting().vmsLost()).isEqualTo(2);
        assertThat(failed.accounting().jobsRolledBack()).isEqualTo(1);
        // requeued and restarted in the same tick on the next node, after reading its snapshot back
        assertThat(failed.nodeStates().get(0).health()).isEqualTo(HealthStatus.FAILED);
        assertThat(failed.nodeStates().get(1).vms()).hasSize(2);
        assertThat(failed.accounting().restartCoreSeconds()).isCloseTo(C * 16, within(1e-6));
        assertThat(reports.get(46).nodeStates().get(0).health()).isEqualTo(HealthStatus.REPAIRING);
        assertThat(failed.telemetry()).extracting(TelemetrySample::nodeId).doesNotContain("node-0000");

        // repaired at 3,330 s (tick 55), booted 240 s later (tick 59)
        assertThat(reports.get(55).events()).extracting(NodeEventRecord::kind)
                .containsExactly(NodeEventKind.REPAIRED, NodeEventKind.POWERED_ON);
        assertThat(reports.get(58).nodeStates().get(0).power()).isEqualTo(PowerStatus.BOOTING);
        assertThat(reports.get(59).events()).extracting(NodeEventRecord::kind).containsExactly(NodeEventKind.BOOTED);
        assertThat(reports.get(59).nodeStates().get(0).isUsable()).isTrue();
    }

    @Test
    void workIsConservedAcrossTheRollback() {
        ClusterSimulation sim = sim("checkpointing: {policy: periodic, intervalMinutes: 10}\n",
                List.of(new FailureTrace.Entry(0, 2_730, 600)));

        List<TickReport> reports = run(sim, 100);

        AccountingSnapshot a = reports.get(99).accounting();
        JobView job = sim.view().job("job-a").orElseThrow();
        double progress = JOB_A.workSeconds() - job.remainingWorkSeconds();
        // useful work is exactly the job's standing progress; every second of its cores is accounted
        assertThat(a.usefulCoreSeconds()).isCloseTo(progress * 16, within(1e-6));
        assertThat(a.occupiedCoreSeconds()).isCloseTo(100 * 60 * 16.0, within(1e-6));
    }

    @Test
    void aMigrationWhoseSourceFailsLosesTheVm() {
        // 100 MB/s link: migrating 16 GB takes 164 s; the source fails 90 s in
        ClusterSimulation sim = sim("migration: {linkBandwidthMbPerSec: 100}\n", List.of(new FailureTrace.Entry(0, 150, 600)));
        sim.advance();
        CommandOutcome accepted = sim.apply(ClusterCommand.migrate("m1", "job-a-vm-001", "node-0003", "evacuate"));
        assertThat(accepted.status()).isEqualTo(OutcomeStatus.ACCEPTED);

        sim.advance();
        TickReport failure = sim.advance();

        assertThat(failure.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.commandId()).isEqualTo("m1");
            assertThat(o.status()).isEqualTo(OutcomeStatus.FAILED);
            assertThat(o.reason()).isEqualTo("source node-0000 failed before the migration completed: VM lost");
        });
        assertThat(failure.accounting().vmsLost()).isEqualTo(2);
        assertThat(failure.accounting().migrationsFailed()).isEqualTo(1);
        assertThat(failure.accounting().jobsRolledBack()).isEqualTo(1);
        assertThat(sim.invariantViolations()).isEmpty();
    }

    @Test
    void aMigrationWhoseTargetFailsLeavesTheVmRunningOnItsSource() {
        ClusterSimulation sim = sim("migration: {linkBandwidthMbPerSec: 100}\n", List.of(new FailureTrace.Entry(3, 150, 600)));
        sim.advance();
        sim.apply(ClusterCommand.migrate("m1", "job-a-vm-001", "node-0003", "rebalance"));

        sim.advance();
        TickReport failure = sim.advance();

        assertThat(failure.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(OutcomeStatus.FAILED);
            assertThat(o.reason()).contains("target node-0003 failed");
        });
        assertThat(sim.view().nodeOfVm("job-a-vm-001").map(NodeView::nodeId)).contains("node-0000");
        assertThat(sim.view().job("job-a").orElseThrow().status()).hasToString("RUNNING");
        assertThat(failure.accounting().jobsRolledBack()).isZero();
        assertThat(failure.accounting().failuresWithoutVictims()).isEqualTo(1);
    }

    @Test
    void aCheckpointCutShortByAFailureIsReportedFailed() {
        // a 1 MB/s storage path makes the checkpoint take hours
        ClusterSimulation sim = sim("checkpointing: {policy: none, vmWriteMbPerSec: 1}\n",
                List.of(new FailureTrace.Entry(0, 300, 600)));
        sim.advance();
        sim.apply(ClusterCommand.checkpoint("ck", "job-a", "before maintenance"));

        List<TickReport> reports = run(sim, 5);

        assertThat(reports.get(3).outcomes()).singleElement().satisfies(o -> {
            assertThat(o.commandId()).isEqualTo("ck");
            assertThat(o.status()).isEqualTo(OutcomeStatus.FAILED);
        });
        // nothing was saved: the 60 s computed before the checkpoint are lost
        assertThat(reports.get(3).accounting().lostCoreSeconds()).isCloseTo(60 * 16, within(1e-6));
        assertThat(reports.get(3).accounting().checkpointsCompleted()).isZero();
    }

    @Test
    void aPoweredOffNodeStillFailsOnScheduleAndStaysOffAfterRepair() {
        ClusterSimulation sim = sim("", List.of(new FailureTrace.Entry(3, 600, 300)));
        sim.apply(ClusterCommand.powerOff("off", "node-0003", "idle"));

        List<TickReport> reports = run(sim, 20);

        assertThat(reports.get(9).events()).extracting(NodeEventRecord::kind).containsExactly(NodeEventKind.FAILED);
        assertThat(reports.get(9).accounting().failuresWithoutVictims()).isEqualTo(1);
        assertThat(reports.get(14).events()).extracting(NodeEventRecord::kind).containsExactly(NodeEventKind.REPAIRED);
        assertThat(reports.get(19).nodeStates().get(3).power()).isEqualTo(PowerStatus.OFF);
        assertThat(reports.get(19).nodeStates().get(3).health()).isEqualTo(HealthStatus.HEALTHY);
    }
}
