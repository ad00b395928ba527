package dev.foresight.cli.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Adds this package's Kafka hooks to a client properties map, keeping any the user configured. Every
 * client built from the map (producers, consumers, Kafka Streams' clients) then reports into the
 * process's meters; admin clients ignore the interceptor setting.
 */
final class ClientInstrumentation {

    private ClientInstrumentation() {}

    /** Adds {@link PipelineInterceptor}: records in and out, predictions, alarms, commands, ... */
    static Map<String, Object> withPipelineMeters(Map<String, Object> props) {
        return append(props, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, PipelineInterceptor.class);
    }

    /** Adds {@link KafkaMetricsBridge}: the clients' own metrics (request rates, lag, errors, ...). */
    static Map<String, Object> withClientMetrics(Map<String, Object> props) {
        return append(props, CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, KafkaMetricsBridge.class);
    }

    /** The map without this package's hooks, for observers that must not count as pipeline traffic. */
    static Map<String, Object> without(Map<String, Object> props) {
        Map<String, Object> copy = new HashMap<>(props);
        for (String key : List.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG)) {
            List<String> kept = new ArrayList<>(classNames(copy.get(key)));
            kept.remove(PipelineInterceptor.class.getName());
            kept.remove(KafkaMetricsBridge.class.getName());
            if (kept.isEmpty()) {
                copy.remove(key);
            } else {
                copy.put(key, String.join(",", kept));
            }
        }
        return copy;
    }

    private static Map<String, Object> append(Map<String, Object> props, String key, Class<?> hook) {
        Map<String, Object> copy = new HashMap<>(props);
        List<String> names = new ArrayList<>(classNames(copy.get(key)));
        if (!names.contains(hook.getName())) {
            names.add(hook.getName());
        }
        copy.put(key, String.join(",", names));
        return copy;
    }

    private static List<String> classNames(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> v instanceof Class<?> c ? c.getName() : v.toString().trim()).toList();
        }
        if (value instanceof Class<?> c) {
            return List.of(c.getName());
        }
        return java.util.Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
