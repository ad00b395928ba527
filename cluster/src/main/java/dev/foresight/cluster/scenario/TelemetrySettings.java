package dev.foresight.cluster.scenario;

/**
 * Simulated sensors.
 *
 * @param enabled false skips telemetry generation (long parameter sweeps that only need accounting)
 * @param inletTempC cold-aisle temperature of the first rack
 * @param rackInletSpreadC inlet temperature rises linearly over the racks by this much (hot spots
 *     far from the cooling units)
 * @param thermalResistanceCPerWatt CPU temperature above inlet per watt drawn, at steady state
 * @param thermalTimeConstantSeconds how fast CPU temperature follows a change in power
 */
public record TelemetrySettings(
        boolean enabled,
        double inletTempC,
        double rackInletSpreadC,
        double thermalResistanceCPerWatt,
        double thermalTimeConstantSeconds) {

    public static TelemetrySettings defaults() {
        return new TelemetrySettings(true, 22, 4, 0.09, 300);
    }

    public void validate(String path, Violations v) {
        v.between(path + ".inletTempC", inletTempC, -20, 60);
        v.nonNegative(path + ".rackInletSpreadC", rackInletSpreadC);
        v.nonNegative(path + ".thermalResistanceCPerWatt", thermalResistanceCPerWatt);
        v.positive(path + ".thermalTimeConstantSeconds", thermalTimeConstantSeconds);
    }
}
