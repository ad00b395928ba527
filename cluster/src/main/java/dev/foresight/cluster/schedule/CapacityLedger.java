package dev.foresight.cluster.schedule;

import java.util.Arrays;

/**
 * Free cores and memory per node, for placement decisions. Nodes that cannot take new VMs (off,
 * failed, quarantined) are marked unusable and never offer capacity, even when VMs leave them.
 */
public final class CapacityLedger {

    private final int[] freeCores;
    private final long[] freeMemoryMb;
    private final boolean[] usable;
    /** Sums over usable nodes, so that a job larger than all free capacity is turned away in O(1). */
    private long totalFreeCores;
    private long totalFreeMemoryMb;

    public CapacityLedger(int nodes) {
        this(new int[nodes], new long[nodes], new boolean[nodes], 0, 0);
    }

    private CapacityLedger(int[] freeCores, long[] freeMemoryMb, boolean[] usable, long totalFreeCores, long totalFreeMemoryMb) {
        this.freeCores = freeCores;
        this.freeMemoryMb = freeMemoryMb;
        this.usable = usable;
        this.totalFreeCores = totalFreeCores;
        this.totalFreeMemoryMb = totalFreeMemoryMb;
    }

    public void set(int node, boolean isUsable, int cores, long memoryMb) {
        totalFreeCores -= freeCores[node];
        totalFreeMemoryMb -= freeMemoryMb[node];
        usable[node] = isUsable;
        freeCores[node] = isUsable ? cores : 0;
        freeMemoryMb[node] = isUsable ? memoryMb : 0;
        totalFreeCores += freeCores[node];
        totalFreeMemoryMb += freeMemoryMb[node];
    }

    public CapacityLedger copy() {
        return new CapacityLedger(freeCores.clone(), freeMemoryMb.clone(), usable.clone(), totalFreeCores, totalFreeMemoryMb);
    }

    public int freeCores(int node) {
        return freeCores[node];
    }

    public long freeMemoryMb(int node) {
        return freeMemoryMb[node];
    }

    /** How many VMs of this size the node could take. */
    public int slots(int node, int cores, long memoryMb) {
        if (!usable[node]) {
            return 0;
        }
        return (int) Math.min(freeCores[node] / cores, freeMemoryMb[node] / memoryMb);
    }

    public long totalSlots(int cores, long memoryMb) {
        long total = 0;
        for (int n = 0; n < freeCores.length; n++) {
            total += slots(n, cores, memoryMb);
        }
        return total;
    }

    /**
     * First fit: each VM goes to the lowest-indexed node with room left, so VMs of one job pack onto
     * as few nodes as the order allows.
     *
     * @return the node of each VM, or null if the job does not fit (the ledger is unchanged either way)
     */
    public int[] firstFit(int vmCount, int cores, long memoryMb) {
        if (totalFreeCores < (long) vmCount * cores || totalFreeMemoryMb < vmCount * memoryMb) {
            return null;
        }
        int[] placement = new int[vmCount];
        int placed = 0;
        for (int n = 0; n < freeCores.length && placed < vmCount; n++) {
            int fits = slots(n, cores, memoryMb);
            for (int k = 0; k < fits && placed < vmCount; k++) {
                placement[placed++] = n;
            }
        }
        return placed == vmCount ? placement : null;
    }

    public void take(int[] placement, int cores, long memoryMb) {
        for (int node : placement) {
            freeCores[node] -= cores;
            freeMemoryMb[node] -= memoryMb;
            totalFreeCores -= cores;
            totalFreeMemoryMb -= memoryMb;
        }
    }

    /** Whether every VM of the placement still fits, counting VMs that share a node. */
    public boolean canTake(int[] placement, int cores, long memoryMb) {
        int[] sorted = placement.clone();
        Arrays.sort(sorted);
        int i = 0;
        while (i < sorted.length) {
            int node = sorted[i];
            int count = 0;
            while (i < sorted.length && sorted[i] == node) {
                count++;
                i++;
            }
            if (!usable[node] || freeCores[node] < count * cores || freeMemoryMb[node] < count * memoryMb) {
                return false;
            }
        }
        return true;
    }

    /** Returns resources to a node (ignored if the node is unusable). */
    public void give(int node, int cores, long memoryMb) {
        if (usable[node]) {
            freeCores[node] += cores;
            freeMemoryMb[node] += memoryMb;
            totalFreeCores += cores;
            totalFreeMemoryMb += memoryMb;
        }
    }
}
