package dev.foresight.broker.testing;

import dev.foresight.broker.EmbeddedKafkaBroker;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a real Kafka, in this order of preference:
 * <ol>
 *   <li>{@code FORESIGHT_BOOTSTRAP} (environment variable or system property): an external cluster;</li>
 *   <li>a Testcontainers Kafka, if Testcontainers is on the test classpath and Docker answers;</li>
 *   <li>the embedded KRaft broker.</li>
 * </ol>
 * {@code FORESIGHT_TEST_BROKER=embedded|container} forces a choice. The cluster is started once per
 * test JVM (stored in the root context) and closed when the JVM's tests end. Use it by declaring a
 * {@link TestKafka} parameter in a test class annotated {@code @ExtendWith(KafkaBrokerExtension.class)}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    public static final String BOOTSTRAP_VARIABLE = "FORESIGHT_BOOTSTRAP";
    public static final String CHOICE_VARIABLE = "FORESIGHT_TEST_BROKER";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared(extensionContext);
    }

    /** The JVM-wide cluster, started on first use. */
    public static TestKafka shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("kafka", key -> start(), ClosableTestKafka.class);
    }

    static ClosableTestKafka start() {
        String external = setting(BOOTSTRAP_VARIABLE);
        String choice = setting(CHOICE_VARIABLE);
        if (external != null && !external.isBlank()) {
            LOG.info("tests use the external Kafka at {}", external);
            return new ClosableTestKafka(TestKafka.Kind.EXTERNAL, external, Map.of(), () -> { });
        }
        if (!"embedded".equalsIgnoreCase(choice) && ContainerKafka.dockerAvailable()) {
            return ContainerKafka.start();
        }
        if ("container".equalsIgnoreCase(choice)) {
            throw new IllegalStateException(CHOICE_VARIABLE + "=container but Docker (or Testcontainers) is not available");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        return new ClosableTestKafka(TestKafka.Kind.EMBEDDED, broker.bootstrapServers(), broker.clientProperties(), broker::close);
    }

    static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    /** A {@link TestKafka} the extension store closes when the root context ends. */
    record ClosableTestKafka(Kind kind, String bootstrapServers, Map<String, Object> security, Runnable closer)
            implements TestKafka, AutoCloseable {

        @Override
        public Map<String, Object> clientProperties() {
            Map<String, Object> props = new java.util.HashMap<>(security);
            props.put("bootstrap.servers", bootstrapServers);
            return props;
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
