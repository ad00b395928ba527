package dev.foresight.streams.errors;

/**
 * Why a record went to the dead-letter topic: the value of the {@code foresight.error.reason} header.
 * The first four are {@link dev.foresight.schemas.codec.RecordDecodingException.Reason}s of the codec.
 */
public enum RejectReason {
    /** Not Avro single-object encoding: wrong magic bytes, or too short. */
    BAD_HEADER,
    /** A writer schema this build does not know. */
    UNKNOWN_SCHEMA,
    /** A known record, but not one this topic carries (e.g. a NodeEvent on the telemetry topic). */
    WRONG_TYPE,
    /** The header is fine, the datum is truncated or corrupt. */
    CORRUPT_DATUM,
    /** No value at all (a tombstone on a topic that has none). */
    NULL_VALUE,
    /** A value that cannot be: NaN or infinite metric, negative where impossible, negative tick. */
    INVALID_VALUE,
    /** A node id that does not match the node id pattern, or is not in the node registry. */
    UNKNOWN_NODE,
    /** The record key is not the node id, so the record may sit on another node's partition. */
    KEY_MISMATCH,
    /** A tick marker on a partition other than the one it names. */
    MISROUTED_MARKER,
    /** A tick marker for a tick its lane has already closed (a duplicate or a step back in time). */
    STALE_MARKER,
    /** A telemetry sample older than everything the node's feature window can still use. */
    LATE_SAMPLE,
    /** A record a processor failed on (a bug or an unforeseen input); see the exception header. */
    PROCESSING_FAILED,
    /** A record an internal topic's deserializer refused with something other than a codec error. */
    DESERIALIZATION_FAILED
}
