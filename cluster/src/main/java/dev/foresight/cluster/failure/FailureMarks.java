package dev.foresight.cluster.failure;

import dev.foresight.cluster.random.Draws;
import dev.foresight.cluster.scenario.FailureClassSettings;
import dev.foresight.cluster.scenario.FailureClassesSettings;
import dev.foresight.cluster.scenario.FailureSettings;
import java.util.SplittableRandom;

/**
 * Draws what a failure looks like before it happens: its class, announced or sudden, how long it degrades.
 * Always the same three draws per failure, so streams stay aligned whatever the settings.
 */
final class FailureMarks {

    private final FailureClassesSettings classes;

    FailureMarks(FailureSettings settings) {
        this.classes = settings.classes();
    }

    FailureEvent mark(int nodeIndex, double failAt, double repairSeconds, SplittableRandom random) {
        FailureClass failureClass = draw(random.nextDouble());
        FailureClassSettings settings = classes.of(failureClass);
        boolean announced = random.nextDouble() < settings.announced();
        double degradation = 60 * Draws.logUniform(random, settings.leadMinutes().min(), settings.leadMinutes().max());
        return new FailureEvent(nodeIndex, failAt, repairSeconds, failureClass, announced, degradation);
    }

    private FailureClass draw(double u) {
        double cumulative = 0;
        FailureClass last = FailureClass.OTHER;
        for (FailureClass c : FailureClass.values()) {
            double share = classes.of(c).share();
            if (share <= 0) {
                continue;
            }
            last = c;
            cumulative += share;
            if (u < cumulative) {
                return c;
            }
        }
        return last; // rounding: shares sum to 1 within a tolerance
    }
}
