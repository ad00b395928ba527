package dev.foresight.cluster.cost;

/** The state of one live migration's memory transfer; advanced tick by tick. */
public interface MemoryTransfer {

    /**
     * Transfers for up to {@code seconds} at {@code bandwidthMbPerSec} (which may differ between
     * calls, as other migrations start or end on the same links).
     *
     * @return seconds actually used; less than given only when the transfer completed
     */
    double advance(double seconds, double bandwidthMbPerSec);

    boolean done();

    /** Time the VM was paused (stop-and-copy plus switch-over); final once {@link #done()}. */
    double downtimeSeconds();

    /** Pre-copy rounds so far, the stop-and-copy not included. */
    int rounds();

    double sentMb();
}
