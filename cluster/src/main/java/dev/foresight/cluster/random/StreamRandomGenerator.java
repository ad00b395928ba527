package dev.foresight.cluster.random;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * Lets commons-math distributions sample from one of our seeded streams (their default constructors
 * would seed a generator from the clock).
 */
public final class StreamRandomGenerator extends AbstractRandomGenerator {

    private SplittableRandom random;

    public StreamRandomGenerator(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public void setSeed(long seed) {
        random = new SplittableRandom(seed);
        clear();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /** The underlying stream, for callers that draw directly. */
    public SplittableRandom stream() {
        return random;
    }
}
