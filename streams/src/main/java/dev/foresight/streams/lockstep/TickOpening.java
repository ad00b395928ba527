package dev.foresight.streams.lockstep;

/**
 * Sent by the {@link TickAligner} to the scorer before it releases a tick's records, so the scorer knows
 * which tick the coming feature vectors belong to before the tick's closing marker. Never leaves the task.
 *
 * @param tick the tick about to be released
 */
public record TickOpening(long tick) {
}
