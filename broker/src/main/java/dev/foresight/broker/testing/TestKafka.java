package dev.foresight.broker.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;

/**
 * A real Kafka cluster given to a test by {@link KafkaBrokerExtension}. The same cluster is shared by
 * every test of a JVM, so tests isolate themselves with {@link #uniquePrefix(String)} topic prefixes and
 * their own consumer group ids.
 */
public interface TestKafka {

    /** Where the cluster comes from. */
    enum Kind { EXTERNAL, CONTAINER, EMBEDDED }

    Kind kind();

    String bootstrapServers();

    /** Bootstrap servers plus whatever security settings the cluster needs. */
    Map<String, Object> clientProperties();

    default Admin newAdmin() {
        return Admin.create(new HashMap<>(clientProperties()));
    }

    /** A topic prefix no other test in this JVM uses, e.g. {@code t7-roundtrip.}. */
    default String uniquePrefix(String label) {
        return "t" + Counter.NEXT.incrementAndGet() + "-" + label.replaceAll("[^A-Za-z0-9_-]", "") + ".";
    }

    /** Holder so the interface can share one counter across implementations. */
    final class Counter {
        static final AtomicInteger NEXT = new AtomicInteger();

        private Counter() {}
    }
}
