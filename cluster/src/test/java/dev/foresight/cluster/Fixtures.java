package dev.foresight.cluster;

import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.workload.JobSpec;
import java.util.List;

/** Small, hand-checkable clusters for tests. */
final class Fixtures {

    private Fixtures() {}

    /** Four 16-core, 64 GB nodes, one-minute ticks, telemetry on, Young checkpointing. */
    static Scenario fourNodes(String extraYaml) {
        return ScenarioLoader.parse("""
                name: four-nodes
                seed: 7
                durationTicks: 600
                nodes: 4
                racks: 2
                node: {cores: 16, memoryMb: 65536}
                jobs:
                  vmsPerMpiJob: {min: 1, max: 4}
                  coresPerVm: [4, 8]
                  maxRuntimeHours: 4
                """ + extraYaml, "four-nodes");
    }

    static JobSpec mpi(String id, int vms, int cores, long memoryMb, double workSeconds, double submitAt) {
        return new JobSpec(id, JobKind.MPI, 0, vms, cores, memoryMb, false, 50, workSeconds, submitAt);
    }

    static JobSpec passthrough(String id, int vms, int cores, long memoryMb, double workSeconds) {
        return new JobSpec(id, JobKind.MPI, 0, vms, cores, memoryMb, true, 50, workSeconds, 0);
    }

    /** No failures, only the given jobs. */
    static ClusterSimulation quiet(Scenario scenario, List<JobSpec> jobs) {
        return ClusterSimulation.builder(scenario).failureTrace(FailureTrace.empty()).jobTrace(jobs).build();
    }
}
