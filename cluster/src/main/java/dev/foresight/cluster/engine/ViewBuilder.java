package dev.foresight.cluster.engine;

import dev.foresight.cluster.failure.FailureProcess;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only snapshots of the mutable state. A node's snapshot is reused while nothing it shows has
 * changed: most nodes are unchanged from one tick to the next, and every tick reports every node.
 */
final class ViewBuilder {

    private final ClusterState state;
    private final FailureProcess failures;
    private final NodeView[] cache;

    ViewBuilder(ClusterState state, FailureProcess failures) {
        this.state = state;
        this.failures = failures;
        this.cache = new NodeView[state.nodes.length];
    }

    List<NodeView> nodes(double atSeconds) {
        List<NodeView> views = new ArrayList<>(state.nodes.length);
        for (Node node : state.nodes) {
            views.add(node(node, atSeconds));
        }
        return views;
    }

    NodeView node(Node node, double atSeconds) {
        HealthStatus health = node.health;
        if (health == HealthStatus.HEALTHY && failures.degradedAt(node.index, atSeconds)) {
            health = HealthStatus.DEGRADED;
        }
        NodeView cached = cache[node.index];
        if (cached != null && unchanged(cached, node, health)) {
            return cached;
        }
        List<VmView> vms = new ArrayList<>(node.vms.size());
        for (Vm vm : node.vms) {
            vms.add(new VmView(vm.id, vm.job.id(), vm.cores(), vm.memoryMb(), vm.job.spec.passthrough(), vm.job.spec.priority(),
                    vm.migration != null, vm.job.checkpoint != null, vm.job.spec.dirtyRateMbPerSec()));
        }
        cache[node.index] = new NodeView(node.id, node.rackId, node.power, health, node.quarantined, node.cores, node.memoryMb, vms);
        return cache[node.index];
    }

    /** Everything a NodeView shows that can change: power, health, quarantine, the VMs and their flags. */
    private static boolean unchanged(NodeView view, Node node, HealthStatus health) {
        if (view.power() != node.power || view.health() != health || view.quarantined() != node.quarantined
                || view.vms().size() != node.vms.size()) {
            return false;
        }
        for (int i = 0; i < node.vms.size(); i++) {
            Vm vm = node.vms.get(i);
            VmView seen = view.vms().get(i);
            if (!seen.vmId().equals(vm.id) || seen.migrating() != (vm.migration != null)
                    || seen.checkpointing() != (vm.job.checkpoint != null)) {
                return false;
            }
        }
        return true;
    }

    List<JobView> jobs() {
        List<JobView> views = new ArrayList<>(state.jobs.size());
        for (Job job : state.jobs.values()) {
            List<String> vmIds = new ArrayList<>(job.vms.size());
            for (Vm vm : job.vms) {
                vmIds.add(vm.id);
            }
            views.add(new JobView(job.id(), job.spec.kind(), job.spec.priority(), job.status, job.spec.vmCount(),
                    job.spec.coresPerVm(), job.spec.memoryPerVmMb(), job.spec.passthrough(), vmIds, job.submitTick,
                    job.lastCheckpointTick, job.checkpointCostSeconds, job.remainingWorkSeconds()));
        }
        return views;
    }

    ClusterView cluster(long tick, long timeMillis, long tickSeconds) {
        double at = tick * (double) tickSeconds;
        return new ClusterView(tick, timeMillis, tickSeconds, nodes(at), jobs());
    }
}
