package dev.foresight.actuator.settings;

/**
 * Power management.
 *
 * @param lowUtilization consolidation packs VMs only while used cores over the cores of usable
 *     powered nodes is below this
 * @param headroomFraction free cores kept on usable powered nodes, as a fraction of the whole
 *     cluster's cores: room for arriving jobs and for evacuating an alarmed node
 * @param lowPower power emptied nodes into the suspended state (fast wake) instead of off
 * @param bootSeconds time a node takes to become usable after POWER_ON; nodes booting count as
 *     capacity already on its way
 * @param minTicksPoweredOn a node powered on is not powered off again within this many ticks (power
 *     cycles cost energy and wear, and demand that called it up may still arrive)
 */
public record ConsolidationSettings(
        double lowUtilization,
        double headroomFraction,
        boolean lowPower,
        double bootSeconds,
        int minTicksPoweredOn) {

    public ConsolidationSettings {
        Checks.probability("consolidation.lowUtilization", lowUtilization);
        Checks.probability("consolidation.headroomFraction", headroomFraction);
        Checks.nonNegative("consolidation.bootSeconds", bootSeconds);
        Checks.atLeast("consolidation.minTicksPoweredOn", minTicksPoweredOn, 0);
    }

    public static ConsolidationSettings defaults() {
        return new ConsolidationSettings(0.5, 0.1, false, 240, 30);
    }
}
