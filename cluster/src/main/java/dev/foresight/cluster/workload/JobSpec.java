package dev.foresight.cluster.workload;

import dev.foresight.cluster.view.JobKind;
import java.util.Locale;

/**
 * A job as submitted, from the synthetic generator or a trace (SWF import).
 *
 * @param priority 0 for normal jobs, higher for more urgent ones (accounting treats &gt; 0 as high)
 * @param workSeconds compute time at full speed, without checkpoints or failures
 * @param submitAtSeconds simulated seconds since the scenario start
 */
public record JobSpec(
        String jobId,
        JobKind kind,
        int priority,
        int vmCount,
        int coresPerVm,
        long memoryPerVmMb,
        boolean passthrough,
        double dirtyRateMbPerSec,
        double workSeconds,
        double submitAtSeconds) {

    public JobSpec {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("jobId must not be blank");
        }
        if (vmCount < 1 || coresPerVm < 1 || memoryPerVmMb < 1) {
            throw new IllegalArgumentException(jobId + ": vmCount, coresPerVm and memoryPerVmMb must be >= 1");
        }
        if (kind == JobKind.THROUGHPUT && vmCount != 1) {
            throw new IllegalArgumentException(jobId + ": a throughput job is one VM, got " + vmCount);
        }
        if (!(workSeconds > 0) || !(submitAtSeconds >= 0) || !(dirtyRateMbPerSec >= 0)) {
            throw new IllegalArgumentException(jobId + ": workSeconds must be > 0, submitAtSeconds and dirty rate >= 0");
        }
    }

    public int totalCores() {
        return vmCount * coresPerVm;
    }

    /** "job-000042-vm-003". */
    public String vmId(int index) {
        return jobId + "-vm-" + String.format(Locale.ROOT, "%03d", index);
    }
}
