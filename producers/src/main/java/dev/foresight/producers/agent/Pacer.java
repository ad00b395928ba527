package dev.foresight.producers.agent;

import java.time.Duration;

/** Waits for the agent's next sample time. */
@FunctionalInterface
public interface Pacer {

    void awaitNext() throws InterruptedException;

    /**
     * Every {@code interval} of wall-clock time from the first call on, at a fixed rate: a slow sample
     * does not push every later one back. Sleeping here is the point: it paces a real host's readings.
     */
    static Pacer fixedRate(Duration interval) {
        long periodNanos = interval.toNanos();
        long[] next = {System.nanoTime() + periodNanos};
        return () -> {
            long wait = next[0] - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next[0] += periodNanos;
            long now = System.nanoTime();
            if (next[0] <= now) {
                next[0] = now + periodNanos; // fell a whole period behind: skip the missed slots rather than burst
            }
        };
    }
}
