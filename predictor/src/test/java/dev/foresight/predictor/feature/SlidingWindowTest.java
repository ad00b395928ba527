package dev.foresight.predictor.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final long T = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;

    private static Sample at(long minutes, double value) {
        return Sample.of(T + minutes * MINUTE, Map.of("x", value));
    }

    private static List<Long> minutes(SlidingWindow window) {
        return window.samples().stream().map(s -> (s.timeMillis() - T) / MINUTE).toList();
    }

    @Test
    void keepsOnlyWhatTheLongestWindowCanStillSee() {
        SlidingWindow window = new SlidingWindow(Duration.ofMinutes(30), 1000);
        for (int m = 0; m <= 60; m += 10) {
            window.add(at(m, m));
        }

        // newest 60: a 30-minute window ending at 60 or later holds only times > 30
        assertThat(minutes(window)).containsExactly(40L, 50L, 60L);
    }

    @Test
    void insertsLateSamplesInOrderAndReplacesSameTime() {
        SlidingWindow window = new SlidingWindow(Duration.ofMinutes(30), 1000);
        window.add(at(10, 1));
        window.add(at(20, 2));
        assertThat(window.add(at(15, 1.5))).isTrue();
        window.add(at(20, 22));

        assertThat(minutes(window)).containsExactly(10L, 15L, 20L);
        assertThat(window.samples().get(2).metrics().get("x")).isEqualTo(22.0);
    }

    @Test
    void rejectsSamplesTooOldToMatter() {
        SlidingWindow window = new SlidingWindow(Duration.ofMinutes(30), 1000);
        window.add(at(60, 1));

        assertThat(window.add(at(30, 1))).isFalse();
        assertThat(window.add(at(31, 1))).isTrue();
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void hardCapDropsTheOldest() {
        SlidingWindow window = new SlidingWindow(Duration.ofHours(1), 3);
        for (int m = 0; m < 5; m++) {
            window.add(at(m, m));
        }

        assertThat(minutes(window)).containsExactly(2L, 3L, 4L);
    }

    @Test
    void bytesRoundTripRestoresSettingsAndSamples() {
        SlidingWindow window = new SlidingWindow(Duration.ofMinutes(30), 50);
        window.add(Sample.of(T, Map.of("a", 1.0, "b_total", 7.0)));
        window.add(Sample.of(T + MINUTE, Map.of("b_total", 9.0, "c", -0.5)));

        SlidingWindow restored = SlidingWindow.fromBytes(window.toBytes());

        assertThat(restored.samples()).isEqualTo(window.samples());
        assertThat(restored.retention()).isEqualTo(Duration.ofMinutes(30));
        assertThat(restored.maxSamples()).isEqualTo(50);
    }

    @Test
    void corruptBytesFailClearly() {
        SlidingWindow window = new SlidingWindow(Duration.ofMinutes(30), 50);
        window.add(at(0, 1));
        byte[] bytes = window.toBytes();

        assertThatThrownBy(() -> SlidingWindow.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt sliding window");
        bytes[0] = 99;
        assertThatThrownBy(() -> SlidingWindow.fromBytes(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("unknown sliding window format version 99");
    }

    @Test
    void featuresFromTheWindowEqualFeaturesFromTheFullHistory() {
        FeatureSpec spec = FeatureSpec.defaults();
        FeatureExtractor extractor = new FeatureExtractor(spec);
        SlidingWindow window = SlidingWindow.forSpec(spec);
        List<Sample> all = new java.util.ArrayList<>();
        for (int m = 0; m < 400; m += 5) {
            Sample sample = Sample.of(T + m * MINUTE, Map.of("temp", 40.0 + (m % 17), "errs_total", (double) m / 3));
            all.add(sample);
            window.add(sample);
        }
        long end = T + 395 * MINUTE;

        assertThat(extractor.extract(window.samples(), end)).isEqualTo(extractor.extract(all, end));
        assertThat(window.size()).isEqualTo(24);
    }
}
