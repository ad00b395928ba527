package dev.foresight.cli.http;

import java.time.Duration;

/**
 * What one client may hold of a {@link ReadOnlyHttpServer}. Slow or silent clients cost a connection,
 * never a worker thread (the server reads requests without blocking), so the limits are on connections
 * and on time.
 *
 * @param idleTimeout       a connection silent this long is closed (a socket opened and left unused)
 * @param headerDeadline    a request's headers must arrive within this (checked every period of it, so
 *                          a slow header is closed after one to two periods), however steadily they trickle
 * @param maxThreads        the worker pool's bound, acceptor and selector included
 * @param maxConnections    open connections at most; beyond it, new ones wait in the accept queue
 * @param idleTimeoutAtLimit the idle timeout of every connection while the limit is reached, so that
 *                          idle sockets make room for real clients quickly
 */
public record HttpLimits(Duration idleTimeout, Duration headerDeadline, int maxThreads, int maxConnections,
                         Duration idleTimeoutAtLimit) {

    /**
     * For a dashboard and a Prometheus scrape: a few browsers (six connections each at most) and scrapers,
     * each answer computed in milliseconds. Thirty seconds idle keeps a polling page's connection alive.
     * The connection limit is generous because an open connection costs a few kilobytes and no thread:
     * it is there to bound memory, not to ration clients; at the limit, a real client waits in the accept
     * queue behind the sockets before it, each closed after half a second if it stays idle.
     */
    public static final HttpLimits DEFAULT =
            new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 16, 256, Duration.ofMillis(500));

    public HttpLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || headerDeadline.isNegative() || headerDeadline.isZero()
                || idleTimeoutAtLimit.isNegative() || idleTimeoutAtLimit.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive: " + this);
        }
        // one acceptor and one selector live in the pool; fewer than two workers beside them is no pool
        if (maxThreads < 4) {
            throw new IllegalArgumentException("maxThreads must be >= 4, got " + maxThreads);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
        }
    }
}
