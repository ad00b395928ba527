package dev.foresight.cluster.view;

/** What losing one VM costs a job. */
public enum JobKind {
    /** Tightly coupled: losing any VM rolls the whole job back to its last checkpoint. */
    MPI,
    /** One independent task in one VM; a bag of tasks is many such jobs. */
    THROUGHPUT
}
