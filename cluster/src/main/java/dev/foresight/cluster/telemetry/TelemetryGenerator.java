package dev.foresight.cluster.telemetry;

import dev.foresight.cluster.Metrics;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.failure.FailureClass;
import dev.foresight.cluster.failure.Precursors;
import dev.foresight.cluster.random.Draws;
import dev.foresight.cluster.random.RandomStreams;
import dev.foresight.cluster.random.RandomStreams.Purpose;
import dev.foresight.cluster.scenario.TelemetrySettings;
import java.util.Collections;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns a node's load and its precursor severities into sensor readings.
 *
 * <p>Healthy nodes differ from each other (fixed per-node traits: background ECC, disk and log-warning rates, fan
 * curve, cooling efficiency, supply offset, rack position) so that a predictor cannot flag a node just for being
 * unusual. A failing part moves every sensor of its class; a benign anomaly moves only the class's first symptom:
 * <ul>
 *   <li>memory: corrected ECC errors rise from the node's background rate to about two a minute (failing or benign);
 *       uncorrectable ones appear near the end only when the DIMM is failing;
 *   <li>thermal: the CPU runs up to 18 C hotter; a failing fan delivers only half of the speed its controller asks
 *       for by the end, while in a benign hot spell the fan follows its controller;
 *   <li>power: the 12 V rail ripples and the measured draw gets noisy; only a failing supply also sags, by up to
 *       0.3 V;
 *   <li>disk: sectors are reallocated (failing or benign); only a failing disk accumulates pending sectors;
 *   <li>software: warnings in the node's logs accelerate, alike before a hang and in a harmless burst; error-level
 *       messages appear near the end only before a hang.
 * </ul>
 * Severity ramps are quadratic over the degradation period (see the failure package), so the signal is weak at
 * first and unmistakable only near the end.
 */
public final class TelemetryGenerator {

    private static final double ECC_PEAK_PER_HOUR = 120;
    private static final double UNCORRECTABLE_PEAK_PER_HOUR = 6;
    private static final double FAN_SAG = 0.5;
    private static final double THERMAL_RISE_C = 18;
    private static final double PSU_NOMINAL_V = 12.0;
    private static final double REALLOCATIONS_PEAK_PER_HOUR = 30;
    private static final double PENDING_PEAK = 20;
    private static final double LOG_WARNINGS_PEAK_PER_HOUR = 60;
    private static final double LOG_ERRORS_PEAK_PER_HOUR = 20;

    private final TelemetrySettings settings;
    private final double tickHours;
    private final SplittableRandom[] noise;
    private final ThermalModel thermal;
    private final double[] inletC;
    private final double[] eccBackgroundPerHour;
    private final double[] fanBaseRpm;
    private final double[] coolingFactor;
    private final double[] psuOffsetV;
    private final double[] diskBackgroundPerHour;
    private final double[] logBackgroundPerHour;
    private final long[] eccCorrectable;
    private final long[] eccUncorrectable;
    private final long[] diskReallocated;
    private final long[] logWarnings;
    private final long[] logErrors;

    public TelemetryGenerator(Scenario scenario, long seed) {
        this.settings = scenario.telemetry();
        int nodes = scenario.nodes();
        this.tickHours = scenario.tickSeconds() / 3600.0;
        this.thermal = new ThermalModel(settings, nodes, scenario.tickSeconds(), settings.inletTempC() + 15);
        this.noise = new SplittableRandom[nodes];
        this.inletC = new double[nodes];
        this.eccBackgroundPerHour = new double[nodes];
        this.fanBaseRpm = new double[nodes];
        this.coolingFactor = new double[nodes];
        this.psuOffsetV = new double[nodes];
        this.diskBackgroundPerHour = new double[nodes];
        this.logBackgroundPerHour = new double[nodes];
        this.eccCorrectable = new long[nodes];
        this.eccUncorrectable = new long[nodes];
        this.diskReallocated = new long[nodes];
        this.logWarnings = new long[nodes];
        this.logErrors = new long[nodes];
        for (int n = 0; n < nodes; n++) {
            noise[n] = RandomStreams.stream(seed, Purpose.TELEMETRY, n);
            SplittableRandom traits = RandomStreams.stream(seed, Purpose.NODE_TRAITS, n);
            int rack = scenario.rackIndexOf(n);
            double rackShare = scenario.racks() > 1 ? rack / (double) (scenario.racks() - 1) : 0;
            inletC[n] = settings.inletTempC() + settings.rackInletSpreadC() * rackShare + 0.5 * traits.nextGaussian();
            // log-normal background: most DIMMs are quiet, a few chatter for years without failing
            eccBackgroundPerHour[n] = 0.02 * Math.exp(1.5 * traits.nextGaussian());
            fanBaseRpm[n] = 4000 + 300 * traits.nextGaussian();
            coolingFactor[n] = 1 + 0.05 * traits.nextGaussian();
            psuOffsetV[n] = 0.05 * traits.nextGaussian();
            // most disks never reallocate a sector; a few creep for years (Pinheiro et al., FAST 2007)
            diskBackgroundPerHour[n] = 0.002 * Math.exp(1.5 * traits.nextGaussian());
            // every node logs the odd warning; some are chattier than others
            logBackgroundPerHour[n] = 0.3 * Math.exp(0.8 * traits.nextGaussian());
        }
    }

    /**
     * Readings of a powered node at the end of a tick; advances its thermal state and counters.
     *
     * @param netMbps migration traffic through the node's link, averaged over the tick
     */
    public TelemetrySample sample(int node, String nodeId, long timeMillis, double cpuUtil, double memUtil, int vmCount,
            double watts, double netMbps, Precursors precursors) {
        SplittableRandom r = noise[node];
        double inlet = inletC[node] + 0.2 * r.nextGaussian();

        double hotSpell = precursors.symptom(FailureClass.THERMAL);
        double failingFan = precursors.failing(FailureClass.THERMAL);
        double temp = thermal.step(node, inletC[node], watts, coolingFactor[node], THERMAL_RISE_C * hotSpell)
                + 0.3 * r.nextGaussian();
        double commandedRpm = fanBaseRpm[node] + 90 * Math.max(0, temp - 40);
        double fan = commandedRpm * (1 - FAN_SAG * failingFan) + 40 * r.nextGaussian();

        double ripple = precursors.symptom(FailureClass.POWER);
        double sag = precursors.failing(FailureClass.POWER);
        double measuredWatts = watts + (2 + 25 * ripple) * r.nextGaussian();
        double volts = PSU_NOMINAL_V + psuOffsetV[node] - 0.3 * sag + (0.02 + 0.25 * ripple) * r.nextGaussian();

        double corrected = precursors.symptom(FailureClass.MEMORY);
        double failingDimm = precursors.failing(FailureClass.MEMORY);
        double eccRate = eccBackgroundPerHour[node] + ECC_PEAK_PER_HOUR * corrected * corrected;
        eccCorrectable[node] += Draws.poisson(r, eccRate * tickHours);
        double uncorrectableRate = 1e-4 + UNCORRECTABLE_PEAK_PER_HOUR * Math.pow(failingDimm, 4);
        eccUncorrectable[node] += Draws.poisson(r, uncorrectableRate * tickHours);

        double cpu = clamp01(cpuUtil + (cpuUtil > 0 ? 0.02 : 0.005) * r.nextGaussian());

        double reallocating = precursors.symptom(FailureClass.DISK);
        double failingDisk = precursors.failing(FailureClass.DISK);
        double reallocationRate = diskBackgroundPerHour[node] + REALLOCATIONS_PEAK_PER_HOUR * reallocating * reallocating;
        diskReallocated[node] += Draws.poisson(r, reallocationRate * tickHours);
        long pending = Draws.poisson(r, PENDING_PEAK * Math.pow(failingDisk, 3));

        double warning = precursors.symptom(FailureClass.SOFTWARE);
        double warningRate = logBackgroundPerHour[node] + LOG_WARNINGS_PEAK_PER_HOUR * warning * warning;
        logWarnings[node] += Draws.poisson(r, warningRate * tickHours);
        double errorRate = 0.01 + LOG_ERRORS_PEAK_PER_HOUR * Math.pow(precursors.failing(FailureClass.SOFTWARE), 4);
        logErrors[node] += Draws.poisson(r, errorRate * tickHours);

        TreeMap<String, Double> metrics = new TreeMap<>();
        metrics.put(Metrics.CPU_UTIL, cpu);
        metrics.put(Metrics.MEM_UTIL, clamp01(memUtil));
        metrics.put(Metrics.VM_COUNT, (double) vmCount);
        metrics.put(Metrics.POWER_WATTS, Math.max(0, measuredWatts));
        metrics.put(Metrics.TEMP_CPU_C, temp);
        metrics.put(Metrics.TEMP_INLET_C, inlet);
        metrics.put(Metrics.FAN_RPM, Math.max(0, fan));
        metrics.put(Metrics.PSU_VOLTAGE_V, volts);
        metrics.put(Metrics.NET_MBPS, netMbps);
        metrics.put(Metrics.ECC_CORRECTABLE_TOTAL, (double) eccCorrectable[node]);
        metrics.put(Metrics.ECC_UNCORRECTABLE_TOTAL, (double) eccUncorrectable[node]);
        metrics.put(Metrics.DISK_REALLOCATED_TOTAL, (double) diskReallocated[node]);
        metrics.put(Metrics.DISK_PENDING_SECTORS, (double) pending);
        metrics.put(Metrics.LOG_WARNINGS_TOTAL, (double) logWarnings[node]);
        metrics.put(Metrics.LOG_ERRORS_TOTAL, (double) logErrors[node]);
        return new TelemetrySample(nodeId, timeMillis, Collections.unmodifiableSortedMap(metrics));
    }

    /** A dark node emits nothing but cools down towards its inlet temperature. */
    public void dark(int node) {
        thermal.step(node, inletC[node], 0, coolingFactor[node], 0);
    }

    public double temperature(int node) {
        return thermal.temperature(node);
    }

    public long eccCorrectable(int node) {
        return eccCorrectable[node];
    }

    public long eccUncorrectable(int node) {
        return eccUncorrectable[node];
    }

    public long diskReallocated(int node) {
        return diskReallocated[node];
    }

    public long logWarnings(int node) {
        return logWarnings[node];
    }

    public long logErrors(int node) {
        return logErrors[node];
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
