package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * No feature reads data from after its window's end: a model trained on such features would learn from the future
 * and fail in production. For the window statistics (with the host baselines and node life switched on) and for the
 * node-life features, whatever comes after the end changes nothing at the end.
 */
class NoLookAheadProperties {

    private static final long T0 = 1_767_225_600_000L;
    private static final long MINUTE = 60_000;
    private static final FeatureExtractor HOST = new FeatureExtractor(FeatureSpec.hostDefaults());

    @Provide
    Arbitrary<List<Sample>> nodeSamples() {
        Arbitrary<Sample> sample = Combinators.combine(
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(30, 90),
                        Arbitraries.integers().between(0, 50))
                .as((minute, util, temp, errors) -> Sample.of(T0 + minute * MINUTE, Map.of(
                        "cpu_util", util, "temp_cpu_c", temp, "fan_rpm", 3000 + 40 * temp,
                        "ecc_correctable_total", (double) errors + minute, "psu_voltage_v", 12 - util / 10)));
        return sample.list().ofMinSize(1).ofMaxSize(120)
                .map(list -> list.stream().sorted(Comparator.comparingLong(Sample::timeMillis)).toList());
    }

    @Property(tries = 200)
    void windowFeaturesIgnoreSamplesAfterTheEnd(@ForAll("nodeSamples") List<Sample> samples,
                                                @ForAll @IntRange(min = 0, max = 400) int endMinute) {
        long end = T0 + endMinute * MINUTE;
        List<Sample> upToEnd = samples.stream().filter(s -> s.timeMillis() <= end).toList();

        assertThat(HOST.extract(samples, end)).isEqualTo(HOST.extract(upToEnd, end));
    }

    @Property(tries = 200)
    void nodeLifeIgnoresEventsAfterTheEnd(@ForAll @IntRange(min = 0, max = 40) int before,
                                          @ForAll @IntRange(min = 0, max = 40) int after,
                                          @ForAll @IntRange(min = 1, max = 100_000) int stepMinutes) {
        long end = T0 + (long) before * stepMinutes * MINUTE;
        NodeLife known = new NodeLife();
        NodeLife withFuture = new NodeLife();
        List<long[]> events = new ArrayList<>();
        for (int i = 0; i < before + after; i++) {
            events.add(new long[] {i % 3, T0 + (long) i * stepMinutes * MINUTE});
        }
        for (long[] e : events) {
            NodeLife.Event kind = NodeLife.Event.values()[(int) e[0]];
            withFuture.record(kind, e[1]);
            if (e[1] <= end) {
                known.record(kind, e[1]);
            }
        }

        assertThat(withFuture.featuresAt(end)).containsExactly(known.featuresAt(end));
    }

    @Property(tries = 100)
    void aStreamedWindowsResidualsUseOnlyWhatItsBaselineLearntBeforeTheWindow(@ForAll("nodeSamples") List<Sample> samples) {
        // the streaming path: a node's baselines learn only the samples its window lets go, which are all older than the
        // longest window before the newest sample; so the vector at a sample's arrival never depends on later samples
        SlidingWindow window = SlidingWindow.forSpec(FeatureSpec.hostDefaults());
        NodeBaselines fits = new NodeBaselines(LoadBaselines.hostDefaults());
        long retention = Duration.ofMinutes(120).toMillis();
        List<Long> learnt = new ArrayList<>();
        for (Sample s : samples) {
            window.addEvicting(s, gone -> {
                learnt.add(gone.timeMillis());
                fits.learn(gone);
            });
            long newest = window.newestTimeMillis();
            assertThat(learnt).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(newest - retention));
        }
    }
}
