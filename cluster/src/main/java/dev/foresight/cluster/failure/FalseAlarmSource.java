package dev.foresight.cluster.failure;

import dev.foresight.cluster.random.Draws;
import dev.foresight.cluster.scenario.FailureClassesSettings;
import dev.foresight.cluster.scenario.FalseAlarmSettings;
import java.util.SplittableRandom;

/**
 * Benign anomalies that look like a class's precursors but end without a failure: a Poisson process per node,
 * each episode mimicking one class (drawn by weight), rising and fading over a period drawn like that class's
 * precursor lead, with a peak below that of a real failure more often than not. Always four draws per episode.
 */
final class FalseAlarmSource {

    private final SplittableRandom random;
    private final double meanGapSeconds;
    private final FalseAlarmSettings settings;
    private final FailureClassesSettings classes;
    private double start;
    private double duration;
    private double peak;
    private FailureClass mimics;

    FalseAlarmSource(FalseAlarmSettings settings, FailureClassesSettings classes, SplittableRandom random) {
        this.random = random;
        this.settings = settings;
        this.classes = classes;
        this.meanGapSeconds = settings.ratePerNodeDay() > 0 ? 86_400 / settings.ratePerNodeDay() : Double.POSITIVE_INFINITY;
        drawAfter(0);
    }

    private void drawAfter(double from) {
        start = Double.isInfinite(meanGapSeconds)
                ? Double.POSITIVE_INFINITY
                : from - meanGapSeconds * Math.log(1 - random.nextDouble());
        mimics = draw(random.nextDouble());
        var lead = classes.of(mimics).leadMinutes();
        duration = 60 * Draws.logUniform(random, lead.min(), lead.max());
        peak = Draws.uniform(random, 0.3, 1.0);
    }

    private FailureClass draw(double u) {
        double total = settings.totalWeight();
        double cumulative = 0;
        FailureClass last = FailureClass.MEMORY;
        for (FailureClass c : FailureClass.values()) {
            double weight = settings.weight(c);
            if (weight <= 0) {
                continue;
            }
            last = c;
            cumulative += weight / total;
            if (u < cumulative) {
                return c;
            }
        }
        return last;
    }

    /** Adds this node's benign severity at time t (non-decreasing between calls) to {@code out}. */
    void addAt(double t, Precursors out) {
        while (t >= start + duration) {
            drawAfter(start + duration);
        }
        if (t < start) {
            return;
        }
        double x = (t - start) / duration;
        out.raiseBenign(mimics, peak * Math.sin(Math.PI * x));
    }
}
