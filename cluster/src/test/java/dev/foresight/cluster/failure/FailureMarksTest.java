package dev.foresight.cluster.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.foresight.cluster.scenario.FailureClassSettings;
import dev.foresight.cluster.scenario.FailureSettings;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FailureMarksTest {

    @Test
    void classesAnnouncementsAndLeadsFollowTheSettings() {
        FailureSettings settings = FailureSettings.defaults();
        FailureMarks marks = new FailureMarks(settings);
        SplittableRandom random = new SplittableRandom(7);
        int n = 200_000;
        Map<FailureClass, Integer> count = new EnumMap<>(FailureClass.class);
        Map<FailureClass, Integer> announced = new EnumMap<>(FailureClass.class);
        for (int i = 0; i < n; i++) {
            FailureEvent event = marks.mark(0, 1e9, 3600, random);
            count.merge(event.failureClass(), 1, Integer::sum);
            if (event.announced()) {
                announced.merge(event.failureClass(), 1, Integer::sum);
                FailureClassSettings c = settings.classes().of(event.failureClass());
                assertThat(event.degradationSeconds() / 60).isBetween(c.leadMinutes().min(), c.leadMinutes().max());
            }
        }
        for (FailureClass c : FailureClass.values()) {
            FailureClassSettings expected = settings.classes().of(c);
            int seen = count.getOrDefault(c, 0);
            assertThat(seen / (double) n).as("share of %s", c).isCloseTo(expected.share(), within(0.005));
            if (seen > 0) {
                assertThat(announced.getOrDefault(c, 0) / (double) seen).as("announced share of %s", c)
                        .isCloseTo(expected.announced(), within(0.01));
            }
        }
        assertThat(announced.getOrDefault(FailureClass.OTHER, 0)).as("no sensor sees 'other' coming").isZero();
    }

    @Test
    void aRepairedNodeStartsClean() {
        FailureEvent event = new FailureEvent(0, 10_000, 60, FailureClass.DISK, true, 50_000);

        FailureEvent clipped = event.withDegradationAtMost(4_000);

        assertThat(clipped.degradationStartSeconds()).isEqualTo(6_000);
        assertThat(clipped.severityAt(5_999)).isZero();
        assertThat(clipped.severityAt(9_999)).isGreaterThan(0.99);
    }
}
