package dev.foresight.cluster.failure;

import dev.foresight.cluster.random.Draws;
import dev.foresight.cluster.scenario.FailureSettings;
import java.util.SplittableRandom;

/**
 * Anomalies that look like precursors but end without a failure: a Poisson process per node, each
 * anomaly rising and fading over a period drawn like a degradation period, with a peak below that of
 * a real failure more often than not.
 */
final class FalseAlarmSource {

    private final SplittableRandom random;
    private final double meanGapSeconds;
    private final FailureSettings settings;
    private double start;
    private double duration;
    private double peak;
    private PrecursorSignature signature;

    FalseAlarmSource(FailureSettings settings, SplittableRandom random) {
        this.random = random;
        this.settings = settings;
        this.meanGapSeconds = settings.falseAlarmRatePerNodeDay() > 0
                ? 86_400 / settings.falseAlarmRatePerNodeDay()
                : Double.POSITIVE_INFINITY;
        this.start = 0;
        this.duration = 0;
        drawAfter(0);
    }

    private void drawAfter(double from) {
        start = Double.isInfinite(meanGapSeconds)
                ? Double.POSITIVE_INFINITY
                : from - meanGapSeconds * Math.log(1 - random.nextDouble());
        duration = 60 * Draws.logUniform(random, settings.degradationMinutes().min(), settings.degradationMinutes().max());
        peak = Draws.uniform(random, 0.3, 1.0);
        signature = PrecursorSignature.draw(random);
    }

    /** Adds this node's false-alarm severity at time t (non-decreasing between calls) to {@code out}. */
    void addAt(double t, Precursors out) {
        while (t >= start + duration) {
            drawAfter(start + duration);
        }
        if (t < start) {
            return;
        }
        double x = (t - start) / duration;
        out.raise(signature, peak * Math.sin(Math.PI * x));
    }
}
