package dev.foresight.actuator.settings;

/**
 * Making room for blocked high-priority jobs.
 *
 * @param minPriority queued jobs with at least this priority are worth migrations
 * @param maxMigrationsPerJob a plan needing more migrations than this is not worth its disruption;
 *     the policy powers nodes on instead
 * @param planTimeoutTicks after issuing a plan for a job, the policy waits this long for the scheduler
 *     to place it before planning again
 */
public record MakingRoomSettings(int minPriority, int maxMigrationsPerJob, int planTimeoutTicks) {

    public MakingRoomSettings {
        Checks.atLeast("makingRoom.maxMigrationsPerJob", maxMigrationsPerJob, 1);
        Checks.atLeast("makingRoom.planTimeoutTicks", planTimeoutTicks, 1);
    }

    public static MakingRoomSettings defaults() {
        return new MakingRoomSettings(1, 4, 5);
    }
}
