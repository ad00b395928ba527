package dev.foresight.streams.state;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the topology's key-value stores: String keys, byte-array values, changelogged (so state
 * survives a crash and moves with its task), cached (so entries written and deleted within one commit
 * interval, like a tick's buffered records, never reach the changelog), RocksDB or in-memory.
 *
 * @param persistent    RocksDB when true, in-memory otherwise
 * @param maxValueBytes largest value a store may hold (a serialized model or example buffer); raises the
 *                      changelog topic's {@code max.message.bytes}
 */
public record StoreFactory(boolean persistent, int maxValueBytes) {

    public StoreBuilder<KeyValueStore<String, byte[]>> keyValue(String name) {
        KeyValueBytesStoreSupplier supplier = persistent
                ? Stores.persistentKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of())
                .withCachingEnabled();
    }

    /** A store whose single values can be megabytes (models, the example buffer). */
    public StoreBuilder<KeyValueStore<String, byte[]>> largeValues(String name) {
        KeyValueBytesStoreSupplier supplier = persistent
                ? Stores.persistentKeyValueStore(name)
                : Stores.inMemoryKeyValueStore(name);
        return Stores.keyValueStoreBuilder(supplier, Serdes.String(), Serdes.ByteArray())
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxValueBytes)))
                // caching would only delay megabyte values, and they change once per training period at most
                .withCachingDisabled();
    }
}
