package dev.foresight.streams.lockstep;

/**
 * Which ticks the trainer decides at: every tick divisible by the training period. The trainer and the
 * scoring tasks share this rule, so a scoring task knows which trainer markers it must wait for without
 * being told about the ticks in between.
 *
 * @param periodTicks R, at least 1
 */
public record TrainingSchedule(int periodTicks) {

    public TrainingSchedule {
        if (periodTicks < 1) {
            throw new IllegalArgumentException("training period must be at least 1 tick: " + periodTicks);
        }
    }

    public boolean isTrainingTick(long tick) {
        return Math.floorMod(tick, periodTicks) == 0;
    }

    /** The newest training tick at or before the given tick (negative when the tick is). */
    public long lastTrainingTickAtOrBefore(long tick) {
        return Math.floorDiv(tick, periodTicks) * periodTicks;
    }
}
