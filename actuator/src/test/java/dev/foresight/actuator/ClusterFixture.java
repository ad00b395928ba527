package dev.foresight.actuator;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.cluster.view.VmView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-built cluster views for policy tests: nodes {@code n0..}, racks {@code r0..}, VMs added one by
 * one; running jobs are derived from their VMs unless given explicitly.
 */
public final class ClusterFixture {

    private record Node(String id, String rack, int cores, long memoryMb, PowerStatus power, HealthStatus health,
            boolean quarantined, List<VmView> vms) {}

    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, JobView> jobs = new TreeMap<>();

    /** {@code count} nodes of {@code cores} cores and {@code memoryMb} MB, {@code perRack} to a rack. */
    public static ClusterFixture nodes(int count, int perRack, int cores, long memoryMb) {
        ClusterFixture fixture = new ClusterFixture();
        for (int i = 0; i < count; i++) {
            String id = String.format(Locale.ROOT, "n%d", i);
            fixture.nodes.put(id, new Node(id, "r" + (i / perRack), cores, memoryMb, PowerStatus.ON, HealthStatus.HEALTHY,
                    false, new ArrayList<>()));
        }
        return fixture;
    }

    public ClusterFixture vm(String nodeId, String vmId, String jobId, int cores, long memoryMb) {
        return vm(nodeId, new VmView(vmId, jobId, cores, memoryMb, false, 0, false, false, 0));
    }

    public ClusterFixture vm(String nodeId, VmView vm) {
        nodes.get(nodeId).vms().add(vm);
        return this;
    }

    public ClusterFixture power(String nodeId, PowerStatus power) {
        Node n = nodes.get(nodeId);
        nodes.put(nodeId, new Node(n.id(), n.rack(), n.cores(), n.memoryMb(), power, n.health(), n.quarantined(), n.vms()));
        return this;
    }

    public ClusterFixture health(String nodeId, HealthStatus health) {
        Node n = nodes.get(nodeId);
        nodes.put(nodeId, new Node(n.id(), n.rack(), n.cores(), n.memoryMb(), n.power(), health, n.quarantined(), n.vms()));
        return this;
    }

    public ClusterFixture quarantined(String nodeId, boolean quarantined) {
        Node n = nodes.get(nodeId);
        nodes.put(nodeId, new Node(n.id(), n.rack(), n.cores(), n.memoryMb(), n.power(), n.health(), quarantined, n.vms()));
        return this;
    }

    public ClusterFixture job(JobView job) {
        jobs.put(job.jobId(), job);
        return this;
    }

    public static JobView queued(String jobId, int priority, int vmCount, int coresPerVm, long memoryPerVmMb) {
        return new JobView(jobId, vmCount > 1 ? JobKind.MPI : JobKind.THROUGHPUT, priority, JobStatus.QUEUED, vmCount,
                coresPerVm, memoryPerVmMb, false, List.of(), 0, -1, 30, 3600);
    }

    public static JobView running(String jobId, List<String> vmIds, long lastCheckpointTick, double checkpointSeconds) {
        return new JobView(jobId, vmIds.size() > 1 ? JobKind.MPI : JobKind.THROUGHPUT, 0, JobStatus.RUNNING, vmIds.size(),
                4, 4096, false, vmIds, 0, lastCheckpointTick, checkpointSeconds, 1e9);
    }

    public ClusterView view(long tick) {
        List<NodeView> views = new ArrayList<>();
        Map<String, List<VmView>> byJob = new TreeMap<>();
        for (Node n : nodes.values()) {
            views.add(new NodeView(n.id(), n.rack(), n.power(), n.health(), n.quarantined(), n.cores(), n.memoryMb(), n.vms()));
            n.vms().forEach(vm -> byJob.computeIfAbsent(vm.jobId(), k -> new ArrayList<>()).add(vm));
        }
        Map<String, JobView> all = new TreeMap<>(jobs);
        byJob.forEach((jobId, vms) -> all.computeIfAbsent(jobId, id -> new JobView(id,
                vms.size() > 1 ? JobKind.MPI : JobKind.THROUGHPUT, vms.get(0).priority(), JobStatus.RUNNING, vms.size(),
                vms.get(0).cores(), vms.get(0).memoryMb(), vms.get(0).passthrough(), vms.stream().map(VmView::vmId).toList(),
                tick - 1, -1, 30, 1e9)));
        return new ClusterView(tick, tick * 60_000L, 60, views, new ArrayList<>(all.values()));
    }

    /** A passthrough (VMM-bypass) VM: not live-migratable. */
    public static VmView passthrough(String vmId, String jobId, int cores, long memoryMb) {
        return new VmView(vmId, jobId, cores, memoryMb, true, 0, false, false, 0);
    }

    public static NodeRisk alarm(String nodeId, long tick, double probability) {
        return new NodeRisk(nodeId, tick, probability, true, 3);
    }

    public static NodeRisk calm(String nodeId, long tick, double probability) {
        return new NodeRisk(nodeId, tick, probability, false, 3);
    }
}
