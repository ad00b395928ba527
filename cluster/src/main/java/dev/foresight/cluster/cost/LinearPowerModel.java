package dev.foresight.cluster.cost;

import dev.foresight.cluster.scenario.PowerSettings;
import dev.foresight.cluster.view.PowerStatus;

/**
 * Draw linear in CPU utilisation between idle and peak, the usual first-order server model (Fan,
 * Weber and Barroso 2007); transitions draw idle power, a failed node draws its off power.
 */
public final class LinearPowerModel implements PowerModel {

    private final PowerSettings settings;

    public LinearPowerModel(PowerSettings settings) {
        this.settings = settings;
    }

    @Override
    public double watts(PowerStatus power, boolean down, double cpuUtil) {
        if (down) {
            return settings.offWatts();
        }
        return switch (power) {
            case ON -> settings.idleWatts() + (settings.peakWatts() - settings.idleWatts()) * clamp(cpuUtil);
            case BOOTING, SHUTTING_DOWN -> settings.idleWatts();
            case LOW_POWER -> settings.lowPowerWatts();
            case OFF -> settings.offWatts();
        };
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
