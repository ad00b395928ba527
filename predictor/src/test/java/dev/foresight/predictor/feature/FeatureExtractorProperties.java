package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FeatureExtractorProperties {

    private static final long END = 1_700_000_000_000L;
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(FeatureSpec.defaults());

    @Property(tries = 200)
    void orderStatisticsBoundTheMeanAndTheSpread(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
            @ForAll @IntRange(min = 1, max = 300) int stepSeconds) {
        Features f = EXTRACTOR.extract(series("x", values, stepSeconds), END);

        for (String window : List.of("w10m", "w30m", "w120m")) {
            double mean = f.get(window + ".x.mean");
            double min = f.get(window + ".x.min");
            double max = f.get(window + ".x.max");
            double tolerance = 1e-9 * Math.max(1, Math.abs(max) + Math.abs(min));
            assertThat(mean).isBetween(min - tolerance, max + tolerance);
            assertThat(f.get(window + ".x.last")).isBetween(min, max);
            assertThat(f.get(window + ".x.std")).isBetween(0.0, (max - min) + tolerance);
        }
    }

    @Property(tries = 200)
    void monotoneCounterDeltaIsLastMinusFirst(
            @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0, max = 1000) Double> increments) {
        List<Double> counter = new ArrayList<>();
        double total = 0;
        for (double increment : increments) {
            total += increment;
            counter.add(total);
        }
        Features f = EXTRACTOR.extract(series("errors_total", counter, 60), END);

        // 40 samples a minute apart all fall in the 120-minute window
        assertThat(f.get("w120m.errors_total.delta"))
                .isCloseTo(counter.get(counter.size() - 1) - counter.get(0), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Property(tries = 100)
    void slopeOfAnExactLineIsItsRatePerHour(
            @ForAll @DoubleRange(min = -100, max = 100) double perHour,
            @ForAll @DoubleRange(min = -1000, max = 1000) double intercept) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            values.add(intercept + perHour * (i / 60.0));
        }
        Features f = EXTRACTOR.extract(series("x", values, 60), END);

        assertThat(f.get("w120m.x.slope")).isCloseTo(perHour, org.assertj.core.api.Assertions.within(1e-6));
    }

    /** Values one step apart, the last at END. */
    private static List<Sample> series(String metric, List<Double> values, int stepSeconds) {
        List<Sample> samples = new ArrayList<>();
        long step = Duration.ofSeconds(stepSeconds).toMillis();
        for (int i = 0; i < values.size(); i++) {
            samples.add(Sample.of(END - (values.size() - 1 - i) * step, Map.of(metric, values.get(i))));
        }
        return samples;
    }
}
