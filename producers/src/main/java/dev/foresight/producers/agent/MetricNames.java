package dev.foresight.producers.agent;

import java.util.Locale;

/**
 * Metric names built from device and sensor names ({@code sda}, {@code Package id 0}, {@code enp0s3}):
 * lower case, anything but letters, digits and underscores becomes an underscore, so every name is a
 * plain identifier. Counters end in {@code _total}, which the predictor turns into delta and rate features.
 */
final class MetricNames {

    private MetricNames() {
    }

    static String part(String raw) {
        String cleaned = raw.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
        cleaned = cleaned.replaceAll("^_|_$", "");
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }
}
