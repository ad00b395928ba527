package dev.foresight.actuator.policy;

import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lookups over one {@link ClusterView}, built once per tick: the view's own lookups scan every node,
 * and the policies ask them for every VM.
 */
public final class ViewIndex {

    /** A VM and the node it is placed on. */
    public record PlacedVm(VmView vm, NodeView node) {}

    private final ClusterView view;
    private final List<NodeView> sortedNodes;
    private final Map<String, NodeView> nodes = new TreeMap<>();
    private final Map<String, JobView> jobs = new TreeMap<>();
    private final Map<String, PlacedVm> vms = new TreeMap<>();
    private final Map<String, List<PlacedVm>> vmsByJob = new TreeMap<>();

    private ViewIndex(ClusterView view) {
        this.view = view;
        for (NodeView node : view.nodes()) {
            nodes.put(node.nodeId(), node);
            for (VmView vm : node.vms()) {
                PlacedVm placed = new PlacedVm(vm, node);
                vms.put(vm.vmId(), placed);
                vmsByJob.computeIfAbsent(vm.jobId(), k -> new ArrayList<>()).add(placed);
            }
        }
        for (JobView job : view.jobs()) {
            jobs.put(job.jobId(), job);
        }
        sortedNodes = List.copyOf(nodes.values());
    }

    public static ViewIndex of(ClusterView view) {
        return new ViewIndex(view);
    }

    public ClusterView view() {
        return view;
    }

    public long tick() {
        return view.tick();
    }

    /** Every node, in id order. */
    public List<NodeView> nodes() {
        return sortedNodes;
    }

    public Optional<NodeView> node(String nodeId) {
        return Optional.ofNullable(nodes.get(nodeId));
    }

    public Optional<JobView> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    public Optional<PlacedVm> vm(String vmId) {
        return Optional.ofNullable(vms.get(vmId));
    }

    /** The job's placed VMs, in node then VM order. */
    public List<PlacedVm> vmsOf(String jobId) {
        return Collections.unmodifiableList(vmsByJob.getOrDefault(jobId, List.of()));
    }

    /** Any VM of the job is paused for a coordinated checkpoint. */
    public boolean checkpointing(String jobId) {
        return vmsOf(jobId).stream().anyMatch(p -> p.vm().checkpointing());
    }

    /** Any VM of the job is being live-migrated. */
    public boolean migrating(String jobId) {
        return vmsOf(jobId).stream().anyMatch(p -> p.vm().migrating());
    }

    /**
     * The rack where most of the job's VMs outside {@code leavingNode} run (ties: the lower rack id);
     * the leaving node's own rack when the job has no other VM. Keeping an MPI job inside one rack keeps
     * its traffic off the inter-rack links.
     */
    public String preferredRack(String jobId, String leavingNode) {
        Map<String, Integer> perRack = new TreeMap<>();
        for (PlacedVm placed : vmsOf(jobId)) {
            if (!placed.node().nodeId().equals(leavingNode)) {
                perRack.merge(placed.node().rackId(), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (var entry : perRack.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        if (best != null) {
            return best;
        }
        NodeView leaving = nodes.get(leavingNode);
        return leaving == null ? null : leaving.rackId();
    }

    /** Distinct nodes the job's VMs run on. */
    public int nodesSpanned(String jobId) {
        return (int) vmsOf(jobId).stream().map(p -> p.node().nodeId()).distinct().count();
    }

    /** Priority of a job, from its record or, when the view has none, from its VMs. */
    public int priorityOf(String jobId) {
        JobView job = jobs.get(jobId);
        if (job != null) {
            return job.priority();
        }
        return vmsOf(jobId).stream().mapToInt(p -> p.vm().priority()).max().orElse(0);
    }
}
