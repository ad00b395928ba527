package dev.foresight.schemas.codec;

/**
 * Header names on {@code foresight.dead-letters} records. The value is the original raw bytes and the
 * key the original key, so nothing about the rejected record is lost and it can be replayed once fixed.
 */
public final class DeadLetterHeaders {
    /** Machine-readable category, e.g. BAD_HEADER, UNKNOWN_SCHEMA, INVALID_VALUE, UNKNOWN_NODE. */
    public static final String REASON = "foresight.error.reason";
    /** Human-readable explanation naming the field and value at fault. */
    public static final String MESSAGE = "foresight.error.message";
    public static final String TOPIC = "foresight.error.topic";
    public static final String PARTITION = "foresight.error.partition";
    public static final String OFFSET = "foresight.error.offset";
    /** Class name of the exception, when one was thrown. */
    public static final String EXCEPTION = "foresight.error.exception";
    /** The processing stage that rejected the record (validation, scoring, actuator, ...). */
    public static final String STAGE = "foresight.error.stage";

    private DeadLetterHeaders() {}
}
