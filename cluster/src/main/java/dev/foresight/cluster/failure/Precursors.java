package dev.foresight.cluster.failure;

/**
 * How strongly each kind of precursor shows on a node right now, 0 (none) to 1 (about to fail).
 * Mutable and reused per node per tick to keep the telemetry loop allocation-free.
 */
public final class Precursors {

    private double memory;
    private double thermal;
    private double power;

    public double memory() {
        return memory;
    }

    public double thermal() {
        return thermal;
    }

    public double power() {
        return power;
    }

    public void clear() {
        memory = 0;
        thermal = 0;
        power = 0;
    }

    /** Keeps the strongest of overlapping causes (a false alarm during a real degradation). */
    public void raise(PrecursorSignature signature, double severity) {
        switch (signature) {
            case MEMORY -> memory = Math.max(memory, severity);
            case THERMAL -> thermal = Math.max(thermal, severity);
            case POWER -> power = Math.max(power, severity);
            default -> throw new IllegalStateException("unknown signature " + signature);
        }
    }
}
