package dev.foresight.cluster.scenario;

/**
 * Node power: draw is linear in CPU utilisation between idle and peak when on; fixed in the other
 * states. Booting and shutting down draw idle power.
 */
public record PowerSettings(
        double idleWatts,
        double peakWatts,
        double offWatts,
        double lowPowerWatts,
        double bootSeconds,
        double wakeSeconds,
        double shutdownSeconds) {

    public static PowerSettings defaults() {
        return new PowerSettings(180, 420, 8, 30, 240, 20, 30);
    }

    public void validate(String path, Violations v) {
        v.nonNegative(path + ".idleWatts", idleWatts);
        v.nonNegative(path + ".peakWatts", peakWatts);
        v.ordered(path + ".idleWatts", idleWatts, path + ".peakWatts", peakWatts);
        v.nonNegative(path + ".offWatts", offWatts);
        v.nonNegative(path + ".lowPowerWatts", lowPowerWatts);
        v.nonNegative(path + ".bootSeconds", bootSeconds);
        v.nonNegative(path + ".wakeSeconds", wakeSeconds);
        v.nonNegative(path + ".shutdownSeconds", shutdownSeconds);
    }
}
