package dev.foresight.actuator.view;

import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.JobKind;
import dev.foresight.cluster.view.JobStatus;
import dev.foresight.cluster.view.JobView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.view.PowerStatus;
import dev.foresight.cluster.view.VmView;
import dev.foresight.schemas.Health;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.PlacedVm;
import dev.foresight.schemas.PowerState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the policies' {@link ClusterView} from the latest {@link NodeState} of every node.
 *
 * <p>The cluster-state topic describes nodes, not jobs, so the jobs of the view are reconstructed
 * from the VMs placed on them, with these limits:
 * <ul>
 *   <li>only placed jobs exist: queued jobs are invisible, so making room and powering on for the
 *       queue have nothing to act on (headroom still drives power-on);</li>
 *   <li>a job's VM count, VM size, priority and passthrough flag are those of its placed VMs (largest
 *       size, highest priority, passthrough if any VM is); a job with several VMs is taken for MPI,
 *       a single-VM job for a throughput job;</li>
 *   <li>its start is the first tick it was seen placed, its last checkpoint the last tick a VM was
 *       seen checkpointing ({@link JobHistory}); its checkpoint cost is unknown (0: the policies
 *       estimate it from memory size) and so is its remaining work (infinite);</li>
 *   <li>VM dirty rates are unknown (0: migration time is estimated from memory alone);</li>
 *   <li>nodes whose power or health is UNKNOWN (a newer writer's symbol) are left out: they are
 *       neither migration targets nor power-on candidates.</li>
 * </ul>
 */
public final class ClusterViewAssembler {

    private ClusterViewAssembler() {}

    public static ClusterView assemble(long tick, long timeMillis, long tickSeconds, Iterable<NodeState> states,
            JobHistory history) {
        List<NodeView> nodes = new ArrayList<>();
        Map<String, List<PlacedVm>> vmsByJob = new TreeMap<>();
        for (NodeState state : states) {
            PowerStatus power = power(state.getPower());
            HealthStatus health = health(state.getHealth());
            if (power == null || health == null) {
                continue;
            }
            List<VmView> vms = new ArrayList<>();
            for (PlacedVm vm : state.getVms()) {
                vms.add(new VmView(vm.getVmId(), vm.getJobId(), vm.getCores(), vm.getMemoryMb(), vm.getPassthrough(),
                        vm.getPriority(), vm.getMigrating(), vm.getCheckpointing(), 0.0));
                vmsByJob.computeIfAbsent(vm.getJobId(), k -> new ArrayList<>()).add(vm);
            }
            vms.sort(Comparator.comparing(VmView::vmId));
            nodes.add(new NodeView(state.getNodeId(), state.getRackId(), power, health, state.getQuarantined(),
                    state.getCores(), state.getMemoryMb(), vms));
        }
        nodes.sort(Comparator.comparing(NodeView::nodeId));
        List<JobView> jobs = new ArrayList<>();
        vmsByJob.forEach((jobId, vms) -> jobs.add(job(jobId, vms, history.seen(jobId, tick))));
        return new ClusterView(tick, timeMillis, tickSeconds, nodes, jobs);
    }

    private static JobView job(String jobId, List<PlacedVm> vms, JobHistory.Seen seen) {
        boolean checkpointing = vms.stream().anyMatch(PlacedVm::getCheckpointing);
        return new JobView(
                jobId,
                vms.size() > 1 ? JobKind.MPI : JobKind.THROUGHPUT,
                vms.stream().mapToInt(PlacedVm::getPriority).max().orElse(0),
                checkpointing ? JobStatus.CHECKPOINTING : JobStatus.RUNNING,
                vms.size(),
                vms.stream().mapToInt(PlacedVm::getCores).max().orElse(0),
                vms.stream().mapToLong(PlacedVm::getMemoryMb).max().orElse(0),
                vms.stream().anyMatch(PlacedVm::getPassthrough),
                vms.stream().map(PlacedVm::getVmId).sorted().toList(),
                seen.firstSeenTick(),
                seen.lastCheckpointTick(),
                0.0,
                Double.POSITIVE_INFINITY);
    }

    private static PowerStatus power(PowerState state) {
        return switch (state) {
            case ON -> PowerStatus.ON;
            case OFF -> PowerStatus.OFF;
            case LOW_POWER -> PowerStatus.LOW_POWER;
            case BOOTING -> PowerStatus.BOOTING;
            case SHUTTING_DOWN -> PowerStatus.SHUTTING_DOWN;
            case UNKNOWN_POWER -> null;
        };
    }

    private static HealthStatus health(Health health) {
        return switch (health) {
            case HEALTHY -> HealthStatus.HEALTHY;
            case DEGRADED -> HealthStatus.DEGRADED;
            case FAILED -> HealthStatus.FAILED;
            case REPAIRING -> HealthStatus.REPAIRING;
            case UNKNOWN_HEALTH -> null;
        };
    }
}
