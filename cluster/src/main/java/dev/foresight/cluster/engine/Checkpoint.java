package dev.foresight.cluster.engine;

/** A coordinated checkpoint in progress: drain first, then every VM writes its memory. */
final class Checkpoint {

    /** Null for a periodic checkpoint. */
    final String commandId;
    final long startTick;
    double drainRemaining;
    double remainingMbPerVm;

    Checkpoint(String commandId, long startTick, double drainSeconds, double memoryPerVmMb) {
        this.commandId = commandId;
        this.startTick = startTick;
        this.drainRemaining = drainSeconds;
        this.remainingMbPerVm = memoryPerVmMb;
    }

    boolean writing() {
        return drainRemaining <= 0;
    }
}
