package dev.foresight.experiments.sweep;

import dev.foresight.cluster.Scenario;
import java.util.Locale;

/**
 * The heap a sweep's concurrent runs need, so that too many of them are refused with advice at the start
 * rather than dying of OutOfMemoryError an hour in.
 *
 * <p>Measured on the in-process engine (PROACTIVE, the largest policy; G1, live heap after a full GC):
 * 52 MB for the demo scenario (64 nodes x 2,880 ticks), 78 MB at 128 nodes. The part that grows with
 * the run is the run's predictions, every node-tick of them, which the predictor-quality figures read back
 * at the end. A run is budgeted twice its live set, so that the collector has room to work:
 * {@value #RUN_BASE_MB} MB plus {@value #BYTES_PER_NODE_TICK} bytes per node-tick (demo: 109 MB), and the
 * JVM itself {@value #JVM_BASE_MB} MB.
 */
public record HeapBudget(long perRunBytes, long jvmBytes, long maxHeapBytes) {

    static final long RUN_BASE_MB = 64;
    static final long BYTES_PER_NODE_TICK = 256;
    static final long JVM_BASE_MB = 64;

    private static final long MB = 1024 * 1024;

    public static HeapBudget of(Scenario scenario, long maxHeapBytes) {
        long nodeTicks = (long) scenario.nodes() * scenario.durationTicks();
        return new HeapBudget(RUN_BASE_MB * MB + BYTES_PER_NODE_TICK * nodeTicks, JVM_BASE_MB * MB, maxHeapBytes);
    }

    /** The budget on this JVM's heap limit (-Xmx). */
    public static HeapBudget of(Scenario scenario) {
        return of(scenario, Runtime.getRuntime().maxMemory());
    }

    /** How many runs fit at once; 0 when not even one does. */
    public int maxConcurrentRuns() {
        long free = maxHeapBytes - jvmBytes;
        return free < perRunBytes ? 0 : (int) Math.min(Integer.MAX_VALUE, free / perRunBytes);
    }

    /**
     * The number of concurrent runs to use: {@code requested} if given and it fits, else as many as
     * {@code cores} and the heap allow.
     *
     * @throws IllegalArgumentException when not one run fits, or the requested number does not: with the
     *                                  heap it would need and what to do about it
     */
    public int jobs(Integer requested, int cores, Scenario scenario) {
        int fit = maxConcurrentRuns();
        if (fit == 0 || (requested != null && requested > fit)) {
            int wanted = requested == null ? 1 : requested;
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d concurrent run%s of scenario %s (%,d nodes x %,d ticks) need about %d MB of heap (%d MB each, plus %d MB), "
                            + "but this JVM may use %d MB (-Xmx); %s, or give the JVM more heap "
                            + "(e.g. FORESIGHT_JAVA_OPTS=\"-Xmx%dg -XX:+UseG1GC\" ./foresight ...)",
                    wanted, wanted == 1 ? "" : "s", scenario.name(), scenario.nodes(), scenario.durationTicks(),
                    (wanted * perRunBytes + jvmBytes) / MB, perRunBytes / MB, jvmBytes / MB, maxHeapBytes / MB,
                    fit == 0 ? "a smaller scenario fits" : "use --jobs " + fit + " or fewer",
                    Math.max(1, (wanted * perRunBytes + jvmBytes + 1023 * MB) / (1024 * MB))));
        }
        return requested != null ? requested : Math.max(1, Math.min(cores, fit));
    }

    public long perRunMegabytes() {
        return perRunBytes / MB;
    }
}
