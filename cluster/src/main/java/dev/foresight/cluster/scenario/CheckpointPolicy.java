package dev.foresight.cluster.scenario;

/** When jobs checkpoint on their own (commands can always add checkpoints). */
public enum CheckpointPolicy {
    /** Only on command. */
    NONE,
    /** After every {@code intervalMinutes} of compute. */
    PERIODIC,
    /**
     * After every {@code sqrt(2 C M)} of compute (Young's interval), where C is the job's checkpoint
     * cost and M the mean time between failures of the nodes the job spans.
     */
    YOUNG
}
