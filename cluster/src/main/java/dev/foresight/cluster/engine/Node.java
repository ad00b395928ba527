package dev.foresight.cluster.engine;

import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.PowerStatus;
import java.util.ArrayList;
import java.util.List;

/** A physical node: capacity, power and health state, the VMs it hosts and capacity reserved for incoming ones. */
final class Node {

    final int index;
    final String id;
    final Rack rack;
    final String rackId;
    final int cores;
    final long memoryMb;

    PowerStatus power = PowerStatus.ON;
    /** End of the current boot, wake or shutdown. */
    double transitionEndsAt;
    /** OFF or LOW_POWER: where a shutdown ends. */
    PowerStatus shutdownTarget = PowerStatus.OFF;
    /** The POWER_ON/POWER_OFF command awaiting completion, if any. */
    String powerCommandId;
    /** Whether the node should be powered: false after a POWER_OFF, so a repair leaves it off. */
    boolean wantsPower = true;

    /** HEALTHY, FAILED or REPAIRING; DEGRADED is derived from the failure process for views. */
    HealthStatus health = HealthStatus.HEALTHY;
    double repairedAt;
    boolean quarantined;

    final List<Vm> vms = new ArrayList<>();
    int usedCores;
    long usedMemoryMb;
    int reservedCores;
    long reservedMemoryMb;
    int incomingMigrations;
    /** Migrations in flight through this node's link, either direction. */
    int linkUsers;

    /** This tick's busy share of the cores and migration traffic, for power and telemetry. */
    double cpuUtil;
    double netMb;

    Node(int index, String id, Rack rack, int cores, long memoryMb) {
        this.index = index;
        this.id = id;
        this.rack = rack;
        this.rackId = rack.id();
        this.cores = cores;
        this.memoryMb = memoryMb;
    }

    boolean down() {
        return health == HealthStatus.FAILED || health == HealthStatus.REPAIRING;
    }

    boolean acceptsPlacements() {
        return power == PowerStatus.ON && !down() && !quarantined;
    }

    /** Powered and working, so its BMC reports telemetry. */
    boolean reporting() {
        return power != PowerStatus.OFF && !down();
    }

    int freeCores() {
        return cores - usedCores - reservedCores;
    }

    long freeMemoryMb() {
        return memoryMb - usedMemoryMb - reservedMemoryMb;
    }

    boolean fits(int vmCores, long vmMemoryMb) {
        return freeCores() >= vmCores && freeMemoryMb() >= vmMemoryMb;
    }

    void host(Vm vm) {
        vms.add(vm);
        usedCores += vm.cores();
        usedMemoryMb += vm.memoryMb();
        vm.host = this;
    }

    void evict(Vm vm) {
        if (!vms.remove(vm)) {
            throw new IllegalStateException(vm.id + " is not on " + id);
        }
        usedCores -= vm.cores();
        usedMemoryMb -= vm.memoryMb();
        vm.host = null;
    }

    void reserve(Vm vm) {
        reservedCores += vm.cores();
        reservedMemoryMb += vm.memoryMb();
        incomingMigrations++;
    }

    void unreserve(Vm vm) {
        reservedCores -= vm.cores();
        reservedMemoryMb -= vm.memoryMb();
        incomingMigrations--;
    }
}
