package dev.foresight.cluster.view;

import java.util.List;
import java.util.Optional;

/**
 * Read-only snapshot of the whole cluster at the start of tick {@code tick} (time {@code timeMillis}).
 *
 * @param nodes every node, in id order
 * @param jobs jobs not yet completed (queued, running, checkpointing), in id order
 */
public record ClusterView(long tick, long timeMillis, long tickSeconds, List<NodeView> nodes, List<JobView> jobs) {

    public ClusterView {
        nodes = List.copyOf(nodes);
        jobs = List.copyOf(jobs);
    }

    public Optional<NodeView> node(String nodeId) {
        return nodes.stream().filter(n -> n.nodeId().equals(nodeId)).findFirst();
    }

    public Optional<JobView> job(String jobId) {
        return jobs.stream().filter(j -> j.jobId().equals(jobId)).findFirst();
    }

    /** The node hosting the VM (its source while a migration is in flight). */
    public Optional<NodeView> nodeOfVm(String vmId) {
        return nodes.stream()
                .filter(n -> n.vms().stream().anyMatch(vm -> vm.vmId().equals(vmId)))
                .findFirst();
    }
}
