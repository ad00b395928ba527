package dev.foresight.producers.sim;

/** What a {@link RecordScreen} made of one record of a ticked topic. */
public sealed interface Screened<T> {

    /** The expected stage closed {@code tick} on the record's partition. */
    record Marker<T>(long tick) implements Screened<T> {}

    /** A record to hand out with the records of {@code tick}. */
    record Accepted<T>(T record, long tick) implements Screened<T> {}

    /** A record to dead-letter instead of using. */
    record Refused<T>(Refusal refusal) implements Screened<T> {}

    /** Not for this reader (another stage's marker, another record type on a shared topic). */
    record Ignored<T>() implements Screened<T> {}
}
