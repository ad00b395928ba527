package dev.foresight.cluster.failure;

/** The failures of one node, in time order. */
interface FailureSource {

    /** The next failure, or null if there is none. */
    FailureEvent peek();

    /** Returns the next failure and moves past it, or null if there is none. */
    FailureEvent poll();
}
