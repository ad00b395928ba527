package dev.foresight.cluster.view;

import java.util.List;

/**
 * Read-only snapshot of a node and the VMs it hosts.
 *
 * <p>Capacity reserved on a node for an incoming live migration is not listed here (the VM is listed
 * on its source until switch-over); the simulation still counts it and rejects a placement that would
 * exceed it.
 */
public record NodeView(
        String nodeId,
        String rackId,
        PowerStatus power,
        HealthStatus health,
        boolean quarantined,
        int cores,
        long memoryMb,
        List<VmView> vms) {

    public NodeView {
        vms = List.copyOf(vms);
    }

    public int usedCores() {
        int used = 0;
        for (VmView vm : vms) {
            used += vm.cores();
        }
        return used;
    }

    public long usedMemoryMb() {
        long used = 0;
        for (VmView vm : vms) {
            used += vm.memoryMb();
        }
        return used;
    }

    public int freeCores() {
        return cores - usedCores();
    }

    public long freeMemoryMb() {
        return memoryMb - usedMemoryMb();
    }

    /** Powered on, not failed or under repair, not quarantined: new VMs may be placed here. */
    public boolean isUsable() {
        return power == PowerStatus.ON
                && health != HealthStatus.FAILED
                && health != HealthStatus.REPAIRING
                && !quarantined;
    }

    /** {@link #isUsable()} and enough free cores and memory for one more VM of that size. */
    public boolean canHost(int cores, long memoryMb) {
        return isUsable() && freeCores() >= cores && freeMemoryMb() >= memoryMb;
    }
}
