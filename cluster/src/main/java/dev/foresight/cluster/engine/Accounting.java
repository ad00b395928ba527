package dev.foresight.cluster.engine;

import dev.foresight.cluster.AccountingSnapshot;

/** Cumulative counters; see {@link AccountingSnapshot} for units and meanings. */
final class Accounting {

    double executedCoreSeconds;
    double lostCoreSeconds;
    double checkpointCoreSeconds;
    double migrationCoreSeconds;
    double restartCoreSeconds;
    double energyKwh;
    double powerWatts;
    double highPriorityWaitSeconds;
    long highPriorityStarts;
    long failures;
    long failuresWithVictims;
    long vmsLost;
    long jobsSubmitted;
    long jobsCompleted;
    long jobsRolledBack;
    long migrationsCompleted;
    long migrationsFailed;
    long checkpointsCompleted;
    int queuedJobs;
    int runningJobs;
    int busyCores;
    int poweredOnNodes;
    double quarantinedNodeSeconds;
    double busyCoreTicks;
    long ticks;

    AccountingSnapshot snapshot(long tick) {
        return new AccountingSnapshot(tick, executedCoreSeconds, executedCoreSeconds - lostCoreSeconds, lostCoreSeconds,
                checkpointCoreSeconds, migrationCoreSeconds, restartCoreSeconds, energyKwh, powerWatts,
                highPriorityWaitSeconds, failures, failuresWithVictims, vmsLost, jobsSubmitted, jobsCompleted,
                jobsRolledBack, migrationsCompleted, migrationsFailed, checkpointsCompleted, queuedJobs, runningJobs,
                busyCores, poweredOnNodes, quarantinedNodeSeconds);
    }
}
