package dev.foresight.cluster;

/**
 * Cumulative accounting at the end of tick {@code tick}, plus a few instantaneous gauges.
 *
 * <p>Work is measured in <b>core-seconds</b>: one VM core busy for one second of simulated time. A
 * job's cores are all its VMs' cores together, so a stalled 4x8-core MPI job wastes 32 core-seconds
 * per second.
 *
 * @param executedCoreSeconds compute performed by jobs, including compute later lost to failures
 * @param usefulCoreSeconds {@code executed - lost}: compute that a failure has not thrown away
 * @param lostCoreSeconds compute rolled back by failures (progress since the job's last checkpoint)
 * @param checkpointCoreSeconds time jobs spent paused for coordinated checkpoints (drain + snapshot),
 *     including checkpoints aborted by a failure
 * @param migrationCoreSeconds time jobs spent stalled by live-migration downtime (stop-and-copy)
 * @param restartCoreSeconds time jobs spent restoring their last checkpoint after a failure
 * @param energyKwh energy drawn by all nodes, in every power state
 * @param powerWatts total draw during this tick (gauge)
 * @param highPriorityWaitSeconds queue time of high-priority jobs (priority &gt; 0), summed over jobs,
 *     counting every wait (first submission and requeues after failures)
 * @param failures hardware failures so far; {@code failuresWithVictims} of them killed at least one VM
 * @param vmsLost VMs killed by failures, including VMs lost in flight during a migration
 * @param jobsRolledBack job restarts caused by failures
 * @param queuedJobs jobs waiting now (gauge)
 * @param runningJobs jobs placed now, running or checkpointing (gauge)
 * @param busyCores cores held by placed VMs now (gauge)
 * @param poweredOnNodes nodes drawing more than their off power now: ON, BOOTING, SHUTTING_DOWN or
 *     LOW_POWER (gauge)
 * @param quarantinedNodeSeconds time nodes spent quarantined (no new placements), summed over nodes: the
 *     capacity proactive quarantines took away, whether or not the node then failed
 */
public record AccountingSnapshot(
        long tick,
        double executedCoreSeconds,
        double usefulCoreSeconds,
        double lostCoreSeconds,
        double checkpointCoreSeconds,
        double migrationCoreSeconds,
        double restartCoreSeconds,
        double energyKwh,
        double powerWatts,
        double highPriorityWaitSeconds,
        long failures,
        long failuresWithVictims,
        long vmsLost,
        long jobsSubmitted,
        long jobsCompleted,
        long jobsRolledBack,
        long migrationsCompleted,
        long migrationsFailed,
        long checkpointsCompleted,
        int queuedJobs,
        int runningJobs,
        int busyCores,
        int poweredOnNodes,
        double quarantinedNodeSeconds) {

    public long failuresWithoutVictims() {
        return failures - failuresWithVictims;
    }

    /** Core-seconds during which placed jobs occupied their cores: compute plus every overhead. */
    public double occupiedCoreSeconds() {
        return executedCoreSeconds + checkpointCoreSeconds + migrationCoreSeconds + restartCoreSeconds;
    }

    /**
     * Share of occupied core-seconds that did no useful work: lost compute plus checkpoint,
     * migration and restart overhead. This is the waste of the Young/Daly formula. Queue time is not
     * waste in this sense (the cores are free for other jobs); it is counted separately.
     */
    public double wasteFraction() {
        double occupied = occupiedCoreSeconds();
        if (occupied == 0) {
            return 0;
        }
        return (lostCoreSeconds + checkpointCoreSeconds + migrationCoreSeconds + restartCoreSeconds) / occupied;
    }
}
