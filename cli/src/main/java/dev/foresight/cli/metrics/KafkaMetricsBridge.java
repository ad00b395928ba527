package dev.foresight.cli.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;

/**
 * Kafka client metrics as Micrometer meters, through the standard {@code metric.reporters} setting, for
 * clients a command cannot reach to bind Micrometer's {@code KafkaClientMetrics} to (the actuator's and
 * the simulator's clients are built inside other modules from a properties map).
 *
 * <p>Names follow Micrometer's Kafka binders ({@code kafka.<group>.<name>}, e.g.
 * {@code kafka_consumer_fetch_manager_records_lag_max}) so dashboards work on either. Only client-level
 * metrics (tagged by {@code client-id} alone) are bridged: the per-topic, per-partition and per-node
 * variants share names with them and differ in tag keys, which Prometheus does not allow, and they would
 * multiply the series. Cumulative totals become counters, everything else gauges.
 */
public final class KafkaMetricsBridge implements MetricsReporter {

    private static final Set<String> SKIPPED_GROUPS = Set.of("app-info", "kafka-metrics-count");

    private final MeterRegistry registry = Metrics.globalRegistry;
    private final Map<MetricName, Meter> meters = new ConcurrentHashMap<>();

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        MetricName name = metric.metricName();
        if (!bridged(name) || !(metric.metricValue() instanceof Number)) {
            return;
        }
        meters.computeIfAbsent(name, n -> register(metric));
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        Meter meter = meters.remove(metric.metricName());
        if (meter != null) {
            registry.remove(meter);
        }
    }

    @Override
    public void close() {
        meters.values().forEach(registry::remove);
        meters.clear();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure: the meters go to the process's global registry
    }

    static boolean bridged(MetricName name) {
        return !SKIPPED_GROUPS.contains(name.group()) && name.tags().keySet().equals(Set.of("client-id"));
    }

    static String meterName(MetricName name) {
        return ("kafka." + name.group() + "." + name.name()).replace("-metrics", "").replace('-', '.');
    }

    private Meter register(KafkaMetric metric) {
        MetricName name = metric.metricName();
        List<Tag> tags = List.of(Tag.of("client.id", name.tags().get("client-id")));
        if (cumulative(metric)) {
            return FunctionCounter.builder(meterName(name), metric, KafkaMetricsBridge::value)
                    .tags(tags).description(name.description()).register(registry);
        }
        return Gauge.builder(meterName(name), metric, KafkaMetricsBridge::value)
                .tags(tags).description(name.description()).strongReference(true).register(registry);
    }

    private static boolean cumulative(KafkaMetric metric) {
        try {
            return metric.measurable() instanceof CumulativeSum || metric.measurable() instanceof CumulativeCount;
        } catch (IllegalStateException notMeasurable) {
            return metric.metricName().name().endsWith("-total");
        }
    }

    private static double value(KafkaMetric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
