package dev.foresight.cluster.cost;

/** How a VM's memory crosses the network during a live migration. */
public interface MigrationModel {

    MemoryTransfer begin(long memoryMb, double dirtyRateMbPerSec);
}
