package dev.foresight.cluster.failure;

import java.util.Locale;

/**
 * What breaks when a node fails, which decides whether and how the failure announces itself in the
 * telemetry. The classes follow the root causes recorded for LANL's clusters (Schroeder and Gibson, DSN 2006;
 * the shared {@code lanl-failures-1996-2005} data): memory, CPU and cooling, power supply and disk among the
 * hardware causes, software, and the rest (node boards, network, facilities, undetermined) that no node sensor
 * can see coming. See cluster/README.md for every default and its source.
 */
public enum FailureClass {
    /** A DIMM wearing out: corrected ECC errors escalate, uncorrectable ones appear near the end. */
    MEMORY,
    /** A failing fan or cooling path: the CPU runs hotter while the fan delivers less than it is asked for. */
    THERMAL,
    /** A power supply degrading: the 12 V rail sags and ripples, the measured draw gets noisy. */
    POWER,
    /** A local disk wearing out: sectors are reallocated and others wait as pending (SMART 5 and 197). */
    DISK,
    /** Kernel or system software: warnings in the node's logs accelerate shortly before it hangs or panics. */
    SOFTWARE,
    /** Node boards, interconnect, facilities, undetermined: nothing a node sensor shows beforehand. */
    OTHER;

    /** Whether any sensor of the node can show this class coming. */
    public boolean hasSensors() {
        return this != OTHER;
    }

    /** The lower-case name used in YAML keys, node events and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
