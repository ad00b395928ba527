package dev.foresight.cluster.scenario;

import java.util.List;

/**
 * The synthetic workload. Jobs arrive as a Poisson process whose rate is derived from
 * {@code offeredLoad}, so that the same settings keep a 32-node and a 10,240-node cluster equally busy.
 *
 * @param offeredLoad cores demanded by arriving work over total cores, in the long run (0.8 keeps
 *     the scheduler busy without an ever-growing queue)
 * @param prefill submit, at tick 0, jobs worth {@code offeredLoad} of the cores, so a run does not
 *     start on an empty cluster
 * @param arrivals whether jobs keep arriving after the prefill (false for controlled experiments
 *     such as the Young/Daly validation, where a fixed set of long jobs runs throughout)
 * @param mpiShare share of jobs that are tightly coupled MPI jobs; the rest are single-VM throughput jobs
 * @param highPriorityShare share of jobs with priority 1 (the others have priority 0)
 * @param passthroughShare share of MPI jobs whose VMs use VMM-bypass: faster interconnect, not
 *     live-migratable
 * @param vmsPerMpiJob VMs of an MPI job, uniform
 * @param coresPerVm VM sizes in cores, one picked uniformly per job
 * @param memoryPerCoreMb VM memory per core, uniform (rounded to 256 MB)
 * @param runtime compute time of a job at full speed, log-normal in hours, capped at maxRuntimeHours
 * @param dirtyRateMbPerSec rate at which a VM dirties memory (drives live-migration cost), uniform
 */
public record JobSettings(
        double offeredLoad,
        boolean prefill,
        boolean arrivals,
        double mpiShare,
        double highPriorityShare,
        double passthroughShare,
        IntRangeSettings vmsPerMpiJob,
        List<Integer> coresPerVm,
        RangeSettings memoryPerCoreMb,
        LogNormalSettings runtime,
        double maxRuntimeHours,
        RangeSettings dirtyRateMbPerSec) {

    public JobSettings {
        coresPerVm = coresPerVm == null ? null : List.copyOf(coresPerVm);
    }

    public static JobSettings defaults() {
        return new JobSettings(
                0.8,
                true,
                true,
                0.6,
                0.15,
                0.2,
                new IntRangeSettings(2, 16),
                List.of(4, 8, 16),
                new RangeSettings(1024, 3584),
                new LogNormalSettings(Math.log(3), 1.0),
                48,
                new RangeSettings(5, 150));
    }

    public void validate(String path, Violations v, NodeSettings node) {
        v.between(path + ".offeredLoad", offeredLoad, 0, 10);
        v.between(path + ".mpiShare", mpiShare, 0, 1);
        v.between(path + ".highPriorityShare", highPriorityShare, 0, 1);
        v.between(path + ".passthroughShare", passthroughShare, 0, 1);
        v.notNull(path + ".vmsPerMpiJob", vmsPerMpiJob);
        if (vmsPerMpiJob != null) {
            vmsPerMpiJob.validate(path + ".vmsPerMpiJob", v, 1);
        }
        v.notNull(path + ".coresPerVm", coresPerVm);
        if (coresPerVm != null) {
            if (coresPerVm.isEmpty()) {
                v.add(path + ".coresPerVm", "must list at least one VM size");
            }
            for (int i = 0; i < coresPerVm.size(); i++) {
                Integer cores = coresPerVm.get(i);
                String at = path + ".coresPerVm[" + i + "]";
                if (cores == null || cores < 1) {
                    v.add(at, "must be >= 1, got " + cores);
                } else if (node != null && cores > node.cores()) {
                    v.add(at, "must fit on a node (node.cores = " + node.cores() + "), got " + cores);
                }
            }
        }
        v.notNull(path + ".memoryPerCoreMb", memoryPerCoreMb);
        if (memoryPerCoreMb != null) {
            memoryPerCoreMb.validatePositive(path + ".memoryPerCoreMb", v);
            if (node != null && coresPerVm != null && !coresPerVm.isEmpty()) {
                int largest = coresPerVm.stream().filter(c -> c != null).mapToInt(Integer::intValue).max().orElse(0);
                if (largest * memoryPerCoreMb.max() > node.memoryMb()) {
                    v.add(path + ".memoryPerCoreMb.max", "a " + largest + "-core VM at "
                            + Violations.format(memoryPerCoreMb.max()) + " MB/core would not fit in node.memoryMb = "
                            + node.memoryMb());
                }
            }
        }
        v.notNull(path + ".runtime", runtime);
        if (runtime != null) {
            runtime.validate(path + ".runtime", v);
        }
        v.positive(path + ".maxRuntimeHours", maxRuntimeHours);
        v.notNull(path + ".dirtyRateMbPerSec", dirtyRateMbPerSec);
        if (dirtyRateMbPerSec != null) {
            dirtyRateMbPerSec.validateNonNegative(path + ".dirtyRateMbPerSec", v);
        }
    }
}
