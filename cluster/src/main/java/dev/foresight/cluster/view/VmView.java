package dev.foresight.cluster.view;

/**
 * Read-only snapshot of a placed VM.
 *
 * @param migrating true while a live migration of this VM is in flight (the VM still runs on its
 *     source node, which the enclosing {@link NodeView} is)
 * @param checkpointing true while its job takes a coordinated checkpoint (the VM is paused)
 */
public record VmView(
        String vmId,
        String jobId,
        int cores,
        long memoryMb,
        boolean passthrough,
        int priority,
        boolean migrating,
        boolean checkpointing,
        double dirtyRateMbPerSec) {}
