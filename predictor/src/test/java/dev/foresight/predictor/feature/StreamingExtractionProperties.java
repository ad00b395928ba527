package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The streaming path (a {@link SlidingWindow} keeping its samples as columns across adds, evictions,
 * late and repeated samples, and a vocabulary that comes and goes) gives exactly what the definitions
 * in {@link Statistic} say, computed here the slow, obvious way from the window's samples.
 */
class StreamingExtractionProperties {

    private static final List<String> METRICS = List.of("cpu", "temp", "errors_total", "fan");
    private static final FeatureSpec SPEC = new FeatureSpec(
            List.of(Duration.ofMinutes(5), Duration.ofMinutes(20)), new TreeSet<>());

    record Step(int minutesForward, int present, double[] values) {}

    @Provide
    Arbitrary<Step> steps() {
        // mostly forward, sometimes the same minute again (a repeat) or a few minutes back (late)
        Arbitrary<Integer> forward = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-12, -1)));
        Arbitrary<Integer> present = Arbitraries.integers().between(0, (1 << METRICS.size()) - 1);
        Arbitrary<double[]> values = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(9, Arbitraries.doubles().between(0, 500)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)))
                .array(double[].class).ofSize(METRICS.size());
        return Combinators.combine(forward, present, values).as(Step::new);
    }

    @Property(tries = 300)
    void columnsGiveWhatTheDefinitionsSay(@ForAll @Size(max = 120) List<@net.jqwik.api.From("steps") Step> steps) {
        FeatureExtractor extractor = new FeatureExtractor(SPEC);
        SlidingWindow window = new SlidingWindow(SPEC.longestWindow(), 25);
        long time = 1_700_000_000_000L;
        for (Step step : steps) {
            time += step.minutesForward() * 60_000L;
            TreeMap<String, Double> metrics = new TreeMap<>();
            for (int m = 0; m < METRICS.size(); m++) {
                if ((step.present() & (1 << m)) != 0) {
                    metrics.put(METRICS.get(m), step.values()[m]);
                }
            }
            if (window.add(new Sample(time, metrics))) {
                Features streamed = extractor.extract(window, time);
                assertMatchesDefinition(streamed, window.samples(), time);
            }
        }
    }

    private static void assertMatchesDefinition(Features actual, List<Sample> samples, long end) {
        long longest = SPEC.longestWindow().toMillis();
        TreeSet<String> present = new TreeSet<>();
        for (Sample sample : samples) {
            if (sample.timeMillis() > end - longest && sample.timeMillis() <= end) {
                sample.metrics().forEach((name, value) -> {
                    if (Double.isFinite(value)) {
                        present.add(name);
                    }
                });
            }
        }
        List<String> expectedNames = new ArrayList<>();
        for (String metric : present) {
            for (Duration w : SPEC.windows()) {
                for (Statistic statistic : Statistic.values()) {
                    if (statistic.appliesTo(FeatureSpec.isCounter(metric))) {
                        String name = FeatureSpec.featureName(w, metric, statistic);
                        expectedNames.add(name);
                        double expected = definition(samples, metric, end - w.toMillis(), end, statistic);
                        double got = actual.get(name);
                        if (Double.isNaN(expected)) {
                            assertThat(got).as(name).isNaN();
                        } else {
                            assertThat(got).as(name).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
                        }
                    }
                }
            }
        }
        assertThat(actual.names()).containsExactlyElementsOf(expectedNames.stream().sorted().toList());
    }

    /** One statistic of the metric's finite values with {@code start < time <= end}, by its definition. */
    private static double definition(List<Sample> samples, String metric, long start, long end, Statistic statistic) {
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Sample sample : samples) {
            Double value = sample.metrics().get(metric);
            if (sample.timeMillis() > start && sample.timeMillis() <= end && value != null && Double.isFinite(value)) {
                times.add(new long[] {sample.timeMillis()});
                values.add(value);
            }
        }
        int n = values.size();
        if (n == 0) {
            return Double.NaN;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double hourMillis = 3_600_000.0;
        double meanHours = times.stream().mapToDouble(t -> (t[0] - end) / hourMillis).average().orElseThrow();
        double increase = 0;
        for (int i = 1; i < n; i++) {
            double step = values.get(i) - values.get(i - 1);
            increase += step >= 0 ? step : values.get(i);
        }
        switch (statistic) {
            case LAST:
                return values.get(n - 1);
            case MEAN:
                return mean;
            case STD: {
                double squares = 0;
                for (double v : values) {
                    squares += (v - mean) * (v - mean);
                }
                return Math.sqrt(squares / n);
            }
            case MIN:
                return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            case MAX:
                return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            case SLOPE: {
                double covariance = 0;
                double timeSquares = 0;
                for (int i = 0; i < n; i++) {
                    double dt = (times.get(i)[0] - end) / hourMillis - meanHours;
                    covariance += dt * (values.get(i) - mean);
                    timeSquares += dt * dt;
                }
                return timeSquares > 0 ? covariance / timeSquares : 0.0;
            }
            case DELTA:
                return increase;
            case RATE: {
                double span = (times.get(n - 1)[0] - times.get(0)[0]) / hourMillis;
                return span > 0 ? increase / span : 0.0;
            }
            default:
                throw new AssertionError(statistic);
        }
    }
}
