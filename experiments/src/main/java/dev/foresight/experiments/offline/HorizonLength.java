package dev.foresight.experiments.offline;

import java.time.Duration;

/**
 * A prediction horizon H as the user gave it: in days (real daily data) or in ticks (any recording). A
 * tick horizon only becomes a duration once the recording's tick length is known.
 *
 * @param amount how many days or ticks, positive
 * @param unit   days or ticks
 */
public record HorizonLength(long amount, Unit unit) {

    /** The two ways to give a horizon. */
    public enum Unit { DAYS, TICKS }

    public HorizonLength {
        if (amount <= 0) {
            throw new IllegalArgumentException("a horizon must be positive, got " + amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    public static HorizonLength days(long days) {
        return new HorizonLength(days, Unit.DAYS);
    }

    public static HorizonLength ticks(long ticks) {
        return new HorizonLength(ticks, Unit.TICKS);
    }

    public Duration toDuration(Duration tick) {
        return unit == Unit.DAYS ? Duration.ofDays(amount) : tick.multipliedBy(amount);
    }
}
