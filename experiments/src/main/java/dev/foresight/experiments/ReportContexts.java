package dev.foresight.experiments;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.scenario.CheckpointSettings;
import dev.foresight.cluster.scenario.JobSettings;
import dev.foresight.experiments.report.ExperimentReport;

/**
 * The scenario facts the first-order waste models need, estimated from the scenario's means: the node
 * MTBF (Weibull mean), the nodes a typical MPI job spans and its checkpoint cost. They are estimates of
 * a typical job, not of every job, which is why the report calls the comparison first-order.
 */
final class ReportContexts {

    private ReportContexts() {}

    static ExperimentReport.Context of(Scenario scenario, long seed, Engine engine, ReplayedFailures replayed) {
        JobSettings jobs = scenario.jobs();
        CheckpointSettings c = scenario.checkpointing();
        double vms = jobs.vmsPerMpiJob().mean();
        double coresPerVm = jobs.coresPerVm().stream().mapToInt(Integer::intValue).average().orElse(1);
        double vmMemoryMb = coresPerVm * jobs.memoryPerCoreMb().mean();
        double writeRate = Math.min(c.vmWriteMbPerSec(), c.storageBandwidthMbPerSec() / Math.max(1, vms));
        double checkpointSeconds = c.drainSeconds() + vmMemoryMb / writeRate;
        double mtbfHours = scenario.failures().weibull().meanHours();
        String failures = String.format(java.util.Locale.ROOT, "drawn from the seed (Weibull shape %.2f, node MTBF %.0f h)",
                scenario.failures().weibull().shape(), mtbfHours);
        if (replayed != null) {
            ReplayedFailures.Coverage coverage = replayed.coverage(scenario);
            // the trace's own rate over the run, so that the first-order models predict the waste of these failures
            mtbfHours = scenario.nodes() * scenario.durationHours() / Math.max(1, coverage.replayed());
            failures = String.format(java.util.Locale.ROOT, "replayed from %s%s (%d failures in the run, node MTBF %.0f h)",
                    replayed.file().getFileName(), replayed.from() == null ? "" : " from " + replayed.from(),
                    coverage.replayed(), mtbfHours);
        }
        return new ExperimentReport.Context(scenario.name(), seed, engine.name().toLowerCase(java.util.Locale.ROOT),
                mtbfHours, (int) Math.max(1, Math.round(vms)), checkpointSeconds, failures);
    }
}
