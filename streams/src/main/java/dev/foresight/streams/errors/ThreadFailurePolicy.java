package dev.foresight.streams.errors;

import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * What to do when a stream thread dies. A processing bug would only fail again on a replaced thread, so the
 * answer is to shut the client down and say why. The one exception is a rebalance that finds its source topics
 * missing: right after a broker restarts, its metadata may not list the topics yet. The thread is then replaced, a
 * bounded number of times until the client is RUNNING again, so topics that are really gone still stop it.
 *
 * <p>Thread-safe: Kafka Streams calls {@link #onFailure} from the dying stream thread and {@link #onRunning} from
 * the state listener, so both methods are synchronized.
 */
public final class ThreadFailurePolicy {

    /** Replacements allowed between two RUNNING states. */
    public static final int MAX_REPLACEMENTS = 5;

    private int replacementsSinceRunning;

    /** The response to this failure, counting it if it is a replacement. */
    public synchronized StreamThreadExceptionResponse onFailure(Throwable failure) {
        if (isMissingSourceTopics(failure) && replacementsSinceRunning < MAX_REPLACEMENTS) {
            replacementsSinceRunning++;
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The client reached RUNNING: the transient condition, if any, has passed. */
    public synchronized void onRunning() {
        replacementsSinceRunning = 0;
    }

    static boolean isMissingSourceTopics(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MissingSourceTopicException) {
                return true;
            }
        }
        return false;
    }
}
