package dev.foresight.schemas.codec;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that cannot become a Foresight record. Extends Kafka's {@link SerializationException} so that
 * consumers and Kafka Streams' deserialization handlers treat it as a poison record (route it to the
 * dead-letter topic) rather than as a bug.
 */
public final class RecordDecodingException extends SerializationException {
    private static final long serialVersionUID = 1L;

    /** Why the bytes were refused; written into the dead-letter headers. */
    public enum Reason {
        /** Not Avro single-object encoding: wrong magic bytes or too short. */
        BAD_HEADER,
        /** The writer schema's fingerprint is not one this build knows (not current, not in history). */
        UNKNOWN_SCHEMA,
        /** A known schema, but a record of another type than the one the topic carries. */
        WRONG_TYPE,
        /** Header and schema are fine, the datum itself is truncated or corrupt. */
        CORRUPT_DATUM
    }

    private final Reason reason;

    public RecordDecodingException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
