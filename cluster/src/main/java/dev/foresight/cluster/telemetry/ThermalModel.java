package dev.foresight.cluster.telemetry;

import dev.foresight.cluster.scenario.TelemetrySettings;
import java.util.Arrays;

/**
 * First-order thermal model per node: the CPU temperature relaxes exponentially, with a fixed time
 * constant, towards {@code inlet + R * watts (+ any fault-induced rise)}. A dark node relaxes
 * towards its inlet temperature.
 */
public final class ThermalModel {

    private final double resistance;
    private final double relaxation;
    private final double[] temperature;

    public ThermalModel(TelemetrySettings settings, int nodes, double tickSeconds, double initialC) {
        this.resistance = settings.thermalResistanceCPerWatt();
        this.relaxation = 1 - Math.exp(-tickSeconds / settings.thermalTimeConstantSeconds());
        this.temperature = new double[nodes];
        Arrays.fill(temperature, initialC);
    }

    /** Advances one tick and returns the new CPU temperature. */
    public double step(int node, double inletC, double watts, double resistanceFactor, double extraC) {
        double target = inletC + resistance * resistanceFactor * watts + extraC;
        temperature[node] += (target - temperature[node]) * relaxation;
        return temperature[node];
    }

    public double temperature(int node) {
        return temperature[node];
    }
}
