package dev.foresight.cluster.view;

/** Life cycle of a job; a job rolled back by a failure goes back to {@link #QUEUED}. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    CHECKPOINTING,
    COMPLETED
}
