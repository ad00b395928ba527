package dev.foresight.cluster;

import java.util.List;
import java.util.Set;

/**
 * The one vocabulary of telemetry metric names. Simulated sensors, imported datasets and the real
 * host agent all publish under these names, so features and models never translate.
 *
 * <p>Gauges are instantaneous; names ending in {@code _total} are monotone counters since boot of
 * the simulation (features should use their deltas).
 */
public final class Metrics {

    /** Share of the node's cores busy computing, 0..1. */
    public static final String CPU_UTIL = "cpu_util";
    /** Share of the node's memory held by VMs, 0..1. */
    public static final String MEM_UTIL = "mem_util";
    /** VMs hosted. */
    public static final String VM_COUNT = "vm_count";
    /** Electrical draw, watts. */
    public static final String POWER_WATTS = "power_watts";
    /** Hottest CPU package, degrees Celsius. */
    public static final String TEMP_CPU_C = "temp_cpu_c";
    /** Air at the node's inlet, degrees Celsius. */
    public static final String TEMP_INLET_C = "temp_inlet_c";
    /** Mean fan speed, revolutions per minute. */
    public static final String FAN_RPM = "fan_rpm";
    /** Main 12 V rail as seen by the BMC; ripple grows when a power supply degrades. */
    public static final String PSU_VOLTAGE_V = "psu_voltage_v";
    /** Migration traffic through the node's link, MB/s. */
    public static final String NET_MBPS = "net_mbps";
    /** Corrected memory errors since start (counter). */
    public static final String ECC_CORRECTABLE_TOTAL = "ecc_correctable_total";
    /** Uncorrected memory errors since start (counter). */
    public static final String ECC_UNCORRECTABLE_TOTAL = "ecc_uncorrectable_total";
    /** Sectors the local disk has reallocated since start (counter; SMART attribute 5). */
    public static final String DISK_REALLOCATED_TOTAL = "disk_reallocated_total";
    /** Sectors the local disk currently holds as pending reallocation (gauge; SMART attribute 197). */
    public static final String DISK_PENDING_SECTORS = "disk_pending_sectors";
    /** Warnings in the node's kernel and system logs since start (counter): soft lockups, hung tasks, retries. */
    public static final String LOG_WARNINGS_TOTAL = "log_warnings_total";
    /** Error-level messages in the node's kernel and system logs since start (counter): oopses, hung-task errors. */
    public static final String LOG_ERRORS_TOTAL = "log_errors_total";

    /** Every name above, sorted. */
    public static final List<String> ALL = List.of(
            CPU_UTIL, DISK_PENDING_SECTORS, DISK_REALLOCATED_TOTAL, ECC_CORRECTABLE_TOTAL, ECC_UNCORRECTABLE_TOTAL,
            FAN_RPM, LOG_ERRORS_TOTAL, LOG_WARNINGS_TOTAL, MEM_UTIL, NET_MBPS, POWER_WATTS, PSU_VOLTAGE_V, TEMP_CPU_C, TEMP_INLET_C,
            VM_COUNT);

    /** The monotone counters among {@link #ALL}. */
    public static final Set<String> COUNTERS = Set.of(ECC_CORRECTABLE_TOTAL, ECC_UNCORRECTABLE_TOTAL,
            DISK_REALLOCATED_TOTAL, LOG_WARNINGS_TOTAL, LOG_ERRORS_TOTAL);

    /**
     * The readings that follow the node's load (or say what the load is) rather than its health. A predictor
     * that learns from them learns which nodes were busy, not which were failing; features use them only to
     * explain the sensors they drive (see the predictor's load baselines).
     */
    public static final Set<String> LOAD = Set.of(CPU_UTIL, MEM_UTIL, VM_COUNT, POWER_WATTS, NET_MBPS);

    private Metrics() {}
}
