package dev.foresight.cluster.failure;

import dev.foresight.cluster.random.Draws;
import dev.foresight.cluster.scenario.FailureSettings;
import java.util.SplittableRandom;

/**
 * Draws what a failure looks like before it happens: predictable or sudden, how long it degrades,
 * which sensors drift. Always the same three draws per failure, so streams stay aligned.
 */
final class FailureMarks {

    private final FailureSettings settings;

    FailureMarks(FailureSettings settings) {
        this.settings = settings;
    }

    FailureEvent mark(int nodeIndex, double failAt, double repairSeconds, SplittableRandom random) {
        boolean predictable = random.nextDouble() < settings.predictableShare();
        double degradation = 60 * Draws.logUniform(random,
                settings.degradationMinutes().min(), settings.degradationMinutes().max());
        PrecursorSignature signature = PrecursorSignature.draw(random);
        return new FailureEvent(nodeIndex, failAt, repairSeconds, predictable, degradation, signature);
    }
}
