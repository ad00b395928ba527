package dev.foresight.predictor.feature;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which readings features see only through what the load does not explain. Readings that follow the load
 * (temperatures, power, fan speed) told a model which nodes were busy, not which were failing: an emptied healthy node
 * scored like a failing one. Each {@link LoadBaseline} turns a reading into its residual against a per-node fit;
 * readings in {@link #contextOnly} (the load itself, and the raw readings the residuals replace) are not features.
 *
 * <p>The fits learn only from samples that have left the longest feature window, so a precursor inside a window is
 * never absorbed into the baseline it is measured against, and a window's features depend only on that window's
 * samples and the node's older history (late samples within a window change nothing else). Older samples weigh less
 * with {@link #halfLife}; a residual is missing (NaN) until the fit has {@link #minSamples} samples' weight, and
 * wherever a regressor lies outside what the fit has seen (three standard deviations plus 2 % of its typical
 * magnitude): a node that was idle all its life has no baseline yet for its first busy hours.
 *
 * @param baselines   the residuals to compute
 * @param contextOnly readings used only to explain others, never features themselves
 * @param halfLife    weight half-life of past samples in a fit
 * @param minSamples  samples' weight a fit needs before its residuals count
 */
public record LoadBaselines(List<LoadBaseline> baselines, SortedSet<String> contextOnly, Duration halfLife,
                            int minSamples) implements Serializable {

    public LoadBaselines {
        baselines = List.copyOf(baselines);
        contextOnly = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(contextOnly)));
        Objects.requireNonNull(halfLife, "halfLife");
        if (halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
        }
        if (minSamples < 2) {
            throw new IllegalArgumentException("minSamples must be at least 2: " + minSamples);
        }
        Set<String> targets = new HashSet<>();
        for (LoadBaseline b : baselines) {
            if (!targets.add(b.target())) {
                throw new IllegalArgumentException("two baselines for " + b.target());
            }
        }
    }

    /** No baselines, every reading a feature: the plain statistics, as for imported datasets. */
    public static LoadBaselines none() {
        return new LoadBaselines(List.of(), new TreeSet<>(), Duration.ofDays(1), 30);
    }

    /**
     * For the host vocabulary of the simulator and the host agent ({@code dev.foresight.cluster.Metrics}):
     * CPU temperature against the load through the heat sink's lag, fan speed against the temperature its
     * controller follows, power draw against the load, the 12 V rail against the node's own level. The load readings
     * (utilisations, VM count, network, power), the raw readings the residuals replace and the inlet air (a property
     * of the node's place in the rack: as a feature it only told nodes apart) are context only. Metrics a source lacks
     * are simply absent.
     */
    public static LoadBaselines hostDefaults() {
        return new LoadBaselines(List.of(
                new LoadBaseline("temp_cpu_c", List.of(new LoadBaseline.Regressor("cpu_util", Duration.ofMinutes(5)))),
                new LoadBaseline("fan_rpm", List.of(LoadBaseline.Regressor.of("temp_cpu_c"))),
                new LoadBaseline("power_watts", List.of(LoadBaseline.Regressor.of("cpu_util"))),
                new LoadBaseline("psu_voltage_v", List.of())),
                new TreeSet<>(List.of("cpu_util", "mem_util", "vm_count", "net_mbps", "power_watts",
                        "temp_cpu_c", "fan_rpm", "psu_voltage_v", "temp_inlet_c")),
                Duration.ofDays(1), 30);
    }

    public boolean isEmpty() {
        return baselines.isEmpty() && contextOnly.isEmpty();
    }

    /**
     * The metric vocabulary features see when the telemetry has these readings: the readings that are features of
     * their own, plus the residual of every baseline whose target is among them.
     */
    public SortedSet<String> featureVocabulary(Set<String> readings) {
        SortedSet<String> vocabulary = new TreeSet<>();
        for (String reading : readings) {
            if (isFeature(reading)) {
                vocabulary.add(reading);
            }
        }
        for (LoadBaseline b : baselines) {
            if (readings.contains(b.target())) {
                vocabulary.add(b.residualName());
            }
        }
        return vocabulary;
    }

    /** Whether a metric of the telemetry becomes a feature of its own. */
    public boolean isFeature(String metric) {
        return !contextOnly.contains(metric);
    }
}
