package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final long END = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;

    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(FeatureSpec.defaults()
            .withWindows(List.of(Duration.ofMinutes(10), Duration.ofMinutes(30))));

    /** temp 40, 42, 41, 45 and a counter that resets (10, 12, 3, 5) at 25, 15, 5 and 0 minutes before the end. */
    private static List<Sample> handWindow() {
        return List.of(
                Sample.of(END - 40 * MINUTE, Map.of("temp_cpu_c", 99.0)), // outside both windows
                Sample.of(END - 25 * MINUTE, Map.of("temp_cpu_c", 40.0, "ecc_total", 10.0, "fan_rpm", 3000.0)),
                Sample.of(END - 15 * MINUTE, Map.of("temp_cpu_c", 42.0, "ecc_total", 12.0)),
                Sample.of(END - 5 * MINUTE, Map.of("temp_cpu_c", 41.0, "ecc_total", 3.0)),
                Sample.of(END, Map.of("temp_cpu_c", 45.0, "ecc_total", 5.0)),
                Sample.of(END + MINUTE, Map.of("temp_cpu_c", -50.0))); // after the end: ignored
    }

    @Test
    void statisticsOfTheThirtyMinuteWindowMatchHandComputation() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        assertThat(f.get("w30m.temp_cpu_c.last")).isEqualTo(45.0);
        assertThat(f.get("w30m.temp_cpu_c.mean")).isEqualTo(42.0);
        // deviations -2, 0, -1, 3: population variance 14 / 4
        assertThat(f.get("w30m.temp_cpu_c.std")).isCloseTo(Math.sqrt(3.5), within(1e-12));
        assertThat(f.get("w30m.temp_cpu_c.min")).isEqualTo(40.0);
        assertThat(f.get("w30m.temp_cpu_c.max")).isEqualTo(45.0);
        // minutes -25, -15, -5, 0 (mean -11.25): sum dt*dv = 55, sum dt^2 = 368.75, per minute -> per hour
        assertThat(f.get("w30m.temp_cpu_c.slope")).isCloseTo(55 / 368.75 * 60, within(1e-9));
    }

    @Test
    void counterDeltaCountsAResetAsARestartFromZero() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        // +2, reset to 3 (+3), +2
        assertThat(f.get("w30m.ecc_total.delta")).isEqualTo(7.0);
        // over the 25 minutes the samples span
        assertThat(f.get("w30m.ecc_total.rate")).isCloseTo(7.0 / (25.0 / 60), within(1e-9));
        assertThat(f.get("w10m.ecc_total.delta")).isEqualTo(2.0);
        assertThat(f.get("w10m.ecc_total.rate")).isCloseTo(24.0, within(1e-9));
    }

    @Test
    void shortWindowHoldsOnlyItsOwnSamples() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        assertThat(f.get("w10m.temp_cpu_c.mean")).isEqualTo(43.0);
        assertThat(f.get("w10m.temp_cpu_c.std")).isEqualTo(2.0);
        assertThat(f.get("w10m.temp_cpu_c.slope")).isCloseTo(4.0 / (5.0 / 60), within(1e-9));
    }

    @Test
    void singleSampleWindowHasZeroSpreadAndNoTrend() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        assertThat(f.get("w30m.fan_rpm.last")).isEqualTo(3000.0);
        assertThat(f.get("w30m.fan_rpm.mean")).isEqualTo(3000.0);
        assertThat(f.get("w30m.fan_rpm.std")).isZero();
        assertThat(f.get("w30m.fan_rpm.slope")).isZero();
    }

    @Test
    void metricAbsentFromAWindowYieldsNaN() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        // fan_rpm was seen 25 minutes ago: in the 30-minute window, not in the 10-minute one
        assertThat(f.names()).contains("w10m.fan_rpm.mean");
        assertThat(f.get("w10m.fan_rpm.mean")).isNaN();
        assertThat(f.get("w10m.fan_rpm.last")).isNaN();
    }

    @Test
    void namesAreSortedAndOnlyCountersGetDeltaAndRate() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        assertThat(f.names()).isSorted().doesNotHaveDuplicates();
        assertThat(f.names()).contains("w30m.ecc_total.delta", "w30m.ecc_total.rate")
                .as("a counter's level is its history, not its present").doesNotContain("w30m.ecc_total.last", "w30m.ecc_total.mean");
        assertThat(f.names()).noneMatch(name -> name.startsWith("w30m.temp_cpu_c.") && name.endsWith(".delta"));
        // 2 windows x (2 gauges x 6 statistics + 1 counter x delta and rate)
        assertThat(f.size()).isEqualTo(2 * (2 * 6 + 2));
    }

    @Test
    void openVocabularyCoversMetricsOfTheLongestWindowOnly() {
        Features f = EXTRACTOR.extract(handWindow(), END);

        assertThat(f.names()).allMatch(n -> n.contains(".temp_cpu_c.") || n.contains(".ecc_total.") || n.contains(".fan_rpm."));
    }

    @Test
    void declaredVocabularyFixesTheNamesWhateverTheSamples() {
        FeatureExtractor declared = new FeatureExtractor(FeatureSpec.defaults()
                .withWindows(List.of(Duration.ofMinutes(10)))
                .withMetrics(new TreeSet<>(List.of("temp_cpu_c", "power_w"))));

        Features f = declared.extract(handWindow(), END);

        assertThat(f.names()).isEqualTo(declared.featureNames(List.of("temp_cpu_c", "power_w")));
        assertThat(f.get("w10m.power_w.mean")).isNaN();
        assertThat(f.get("w10m.temp_cpu_c.mean")).isEqualTo(43.0);
        assertThat(f.names()).noneMatch(n -> n.contains("ecc_total"));
    }

    @Test
    void windowStartIsExclusiveAndEndInclusive() {
        List<Sample> samples = List.of(
                Sample.of(END - 10 * MINUTE, Map.of("x", 1.0)),
                Sample.of(END, Map.of("x", 3.0)));

        Features f = EXTRACTOR.extract(samples, END);

        assertThat(f.get("w10m.x.mean")).isEqualTo(3.0);
        assertThat(f.get("w30m.x.mean")).isEqualTo(2.0);
    }

    @Test
    void nonFiniteValuesCountAsNotMeasured() {
        List<Sample> samples = List.of(
                Sample.of(END - MINUTE, Map.of("x", 1.0)),
                Sample.of(END, Map.of("x", Double.NaN)));

        Features f = EXTRACTOR.extract(samples, END);

        assertThat(f.get("w10m.x.last")).isEqualTo(1.0);
        assertThat(f.get("w10m.x.mean")).isEqualTo(1.0);
    }

    @Test
    void emptyHistoryGivesNoFeaturesWithAnOpenVocabulary() {
        assertThat(EXTRACTOR.extract(List.of(), END).size()).isZero();
    }

    @Test
    void samplesOutOfOrderAreRejected() {
        List<Sample> samples = List.of(Sample.of(END, Map.of("x", 1.0)), Sample.of(END - MINUTE, Map.of("x", 2.0)));

        assertThatThrownBy(() -> EXTRACTOR.extract(samples, END))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of time order");
    }

    @Test
    void windowLabelsUseMinutesWhenWhole() {
        assertThat(FeatureSpec.windowLabel(Duration.ofMinutes(120))).isEqualTo("w120m");
        assertThat(FeatureSpec.windowLabel(Duration.ofSeconds(90))).isEqualTo("w90s");
        assertThat(FeatureSpec.featureName(Duration.ofMinutes(30), "temp_cpu_c", Statistic.MEAN))
                .isEqualTo("w30m.temp_cpu_c.mean");
    }

    @Test
    void specRejectsSubSecondAndEmptyWindows() {
        assertThatThrownBy(() -> FeatureSpec.defaults().withWindows(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeatureSpec.defaults().withWindows(List.of(Duration.ofMillis(1500))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
