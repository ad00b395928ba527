package dev.foresight.cluster.scenario;

/**
 * The batch scheduler: FCFS by priority, then submission, with EASY backfilling.
 *
 * @param backfill let later jobs start ahead of a blocked head job when they do not delay its
 *     reservation
 * @param backfillDepth how many queued jobs behind the head are considered for backfilling per pass
 *     (bounds the cost of a pass on long queues)
 */
public record SchedulerSettings(boolean backfill, int backfillDepth) {

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(true, 64);
    }

    public void validate(String path, Violations v) {
        v.atLeast(path + ".backfillDepth", backfillDepth, 0);
    }
}
