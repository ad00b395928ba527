package dev.foresight.producers.agent;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the agent reads from one host, as one metric map. CPU utilisation needs two readings, so
 * the first {@link #sample()} of a collector lacks it; {@link HostAgent} takes that first reading as a
 * baseline before it publishes.
 */
public final class HostTelemetryCollector {

    private final List<MetricSource> sources;

    public HostTelemetryCollector(ProcReader proc) {
        this.sources = List.of(new CpuUtilisation(proc), new LoadAverage(proc), new MemoryInfo(proc), new HwmonSensors(proc),
                new EdacCounters(proc), new DiskStats(proc), new NetworkDevices(proc));
    }

    /** The current readings, by metric name (sorted, so printed maps and records are stable). */
    public SortedMap<String, Double> sample() {
        SortedMap<String, Double> metrics = new TreeMap<>();
        for (MetricSource source : sources) {
            source.collect(metrics);
        }
        metrics.values().removeIf(v -> !Double.isFinite(v));
        return metrics;
    }
}
