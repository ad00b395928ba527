package dev.foresight.cluster.failure;

import java.util.SplittableRandom;

/** Which sensors drift before a failure (or during a false alarm). */
public enum PrecursorSignature {
    /** A DIMM wearing out: the corrected-ECC rate climbs, uncorrectable errors appear near the end. */
    MEMORY(0.5),
    /** A fan failing: its speed sags while the CPU temperature rises. */
    THERMAL(0.3),
    /** A power supply degrading: the 12 V rail sags and ripples, the measured draw gets noisy. */
    POWER(0.2);

    private final double weight;

    PrecursorSignature(double weight) {
        this.weight = weight;
    }

    /** Memory faults dominate field data (Schroeder et al.), hence the weights. */
    static PrecursorSignature draw(SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (PrecursorSignature s : values()) {
            cumulative += s.weight;
            if (u < cumulative) {
                return s;
            }
        }
        return POWER;
    }
}
