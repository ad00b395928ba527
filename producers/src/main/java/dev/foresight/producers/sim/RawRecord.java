package dev.foresight.producers.sim;

/**
 * A consumed record before anything is made of it: where it sat in the log and its bytes, kept as they
 * came so that a refused record reaches the dead-letter topic unchanged and can be replayed once fixed.
 *
 * @param key   the key bytes, may be null
 * @param value the value bytes, null for a tombstone
 */
public record RawRecord(String topic, int partition, long offset, byte[] key, byte[] value) {}
