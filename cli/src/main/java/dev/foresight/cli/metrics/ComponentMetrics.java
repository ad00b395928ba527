package dev.foresight.cli.metrics;

import dev.foresight.cli.http.ReadOnlyHttpServer;
import dev.foresight.cli.http.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of one running command: a Prometheus registry (tagged {@code component=<command>}) with
 * the JVM binders, joined to Micrometer's global registry so the Kafka hooks ({@link PipelineInterceptor},
 * {@link KafkaMetricsBridge}) report into it, and served at {@code /metrics}. When the command runs
 * without {@code --metrics-port} it is {@link #disabled()}: every method is then a no-op and client
 * properties go through untouched.
 */
public final class ComponentMetrics implements AutoCloseable {

    /** Prometheus text exposition format 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final ReadOnlyHttpServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private ComponentMetrics(PrometheusMeterRegistry registry, ReadOnlyHttpServer server) {
        this.registry = registry;
        this.server = server;
    }

    public static ComponentMetrics disabled() {
        return new ComponentMetrics(null, null);
    }

    /**
     * Starts serving {@code http://host:port/metrics}.
     *
     * @param option the option that chose the port, named in the error when it is taken
     */
    public static ComponentMetrics start(String component, String host, int port, String option) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("component", component);
        ReadOnlyHttpServer server;
        try {
            server = ReadOnlyHttpServer.start(component + "-metrics", option, host, port,
                    Map.of("/metrics", () -> Response.text(CONTENT_TYPE, registry.scrape())));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        ComponentMetrics metrics = new ComponentMetrics(registry, server);
        for (MeterBinder binder : List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmThreadMetrics(),
                new ProcessorMetrics(), new UptimeMetrics())) {
            metrics.bind(binder);
        }
        metrics.bind(new JvmGcMetrics());
        PipelineMeters.global().reset();
        Metrics.addRegistry(registry);
        return metrics;
    }

    public boolean enabled() {
        return registry != null;
    }

    /** The registry, for a command's own meters; empty when disabled. */
    public Optional<MeterRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** Binds a Micrometer binder (e.g. {@code KafkaStreamsMetrics}); closed with this object if it is closeable. */
    public void bind(MeterBinder binder) {
        if (registry == null) {
            return;
        }
        binder.bindTo(registry);
        if (binder instanceof AutoCloseable closeable) {
            closeables.add(closeable);
        }
    }

    /** The properties with the pipeline meters and the Kafka client metrics bridge added. */
    public Map<String, Object> instrument(Map<String, Object> clientProperties) {
        return registry == null ? clientProperties
                : ClientInstrumentation.withClientMetrics(ClientInstrumentation.withPipelineMeters(clientProperties));
    }

    /** The properties with the pipeline meters only, for clients whose metrics a Micrometer binder covers. */
    public Map<String, Object> instrumentPipelineOnly(Map<String, Object> clientProperties) {
        return registry == null ? clientProperties : ClientInstrumentation.withPipelineMeters(clientProperties);
    }

    /** The properties without any hook of this package: for observers that are not pipeline traffic. */
    public static Map<String, Object> uninstrumented(Map<String, Object> clientProperties) {
        return ClientInstrumentation.without(clientProperties);
    }

    /** Where Prometheus scrapes, when enabled. */
    public Optional<URI> endpoint() {
        return server == null ? Optional.empty() : Optional.of(server.baseUri().resolve("metrics"));
    }

    @Override
    public void close() {
        if (registry == null) {
            return;
        }
        server.close();
        Metrics.removeRegistry(registry);
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                // a binder that fails to stop leaves nothing behind that matters once the registry is closed
            }
        }
        registry.close();
    }
}
