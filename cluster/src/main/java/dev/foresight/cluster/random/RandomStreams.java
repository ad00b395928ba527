package dev.foresight.cluster.random;

import java.util.SplittableRandom;

/**
 * Independent, reproducible random streams derived from (seed, purpose, index).
 *
 * <p>Every source of randomness owns its stream: node 17's failures never share draws with node 18's,
 * nor with the workload or the telemetry noise. This is what makes common random numbers work: a
 * policy that changes how often telemetry is drawn, or which jobs run where, cannot shift which
 * hardware failures happen or when.
 */
public final class RandomStreams {

    /** What a stream is for; the id is part of the derived seed, so never renumber. */
    public enum Purpose {
        FAILURES(1),
        FALSE_ALARMS(2),
        NODE_TRAITS(3),
        TELEMETRY(4),
        WORKLOAD(5);

        private final long id;

        Purpose(long id) {
            this.id = id;
        }
    }

    private RandomStreams() {}

    public static SplittableRandom stream(long seed, Purpose purpose, int index) {
        return new SplittableRandom(derive(seed, purpose, index));
    }

    /** Same stream as a commons-math generator, for its distributions' {@code sample()}. */
    public static StreamRandomGenerator generator(long seed, Purpose purpose, int index) {
        return new StreamRandomGenerator(stream(seed, purpose, index));
    }

    /**
     * Mixes the three inputs with the SplitMix64 finaliser, so that neighbouring seeds and indexes
     * give unrelated streams.
     */
    static long derive(long seed, Purpose purpose, int index) {
        long h = mix(seed);
        h = mix(h ^ (purpose.id * 0x9E3779B97F4A7C15L));
        return mix(h ^ ((index + 1L) * 0xC2B2AE3D27D4EB4FL));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
