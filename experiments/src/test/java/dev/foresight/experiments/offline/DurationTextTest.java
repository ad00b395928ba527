package dev.foresight.experiments.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void unitsAndListsParse() {
        assertThat(DurationText.parseList("3d, 7d,14d")).containsExactly(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14));
        assertThat(DurationText.parse("45s")).isEqualTo(Duration.ofSeconds(45));
        assertThat(DurationText.parse("10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void formatPicksTheLargestWholeUnit() {
        assertThat(List.of(Duration.ofDays(7), Duration.ofHours(2), Duration.ofMinutes(90), Duration.ofSeconds(45), Duration.ofMillis(1500)))
                .extracting(DurationText::format).containsExactly("7d", "2h", "90m", "45s", "1500ms");
    }

    @Test
    void badTextSaysHowToWriteIt() {
        assertThatThrownBy(() -> DurationText.parse("7 days")).hasMessageContaining("'7 days' is not a duration")
                .hasMessageContaining("ms, s, m, h or d");
        assertThatThrownBy(() -> DurationText.parse("0d")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> HorizonLength.days(0)).hasMessageContaining("a horizon must be positive, got 0 days");
    }

    @Test
    void optionsRejectSlicesThatLeaveNothingToTest() {
        assertThatThrownBy(() -> new OfflineOptions(List.of(), List.of(), new java.util.TreeSet<>(), 0, SplitChoice.AUTO, 0.8, 0.3,
                0.2, 0.3, 3, 0.8, List.of(), OfflineOptions.defaults().predictor(), java.time.Duration.ofMinutes(10),
                java.time.Duration.ZERO))
                .hasMessageContaining("leave room for a test slice");
        assertThatThrownBy(() -> OfflineOptions.defaults().withTargetPrecision(1.5)).hasMessageContaining("target precision");
    }
}
