package dev.foresight.predictor.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foresight.predictor.Example;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeOrderedSplitTest {

    private static final long MINUTE = 60_000L;

    /** Three nodes, one example each per minute, for `minutes` minutes, shuffled. */
    private static List<Example> ticks(int minutes) {
        List<Example> examples = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            for (String node : List.of("a", "b", "c")) {
                examples.add(Example.negative(node, m * MINUTE, new double[] {m}));
            }
        }
        Collections.shuffle(examples, new Random(4));
        return examples;
    }

    @Test
    void newestExamplesValidateAndTheOldestTrain() {
        TimeOrderedSplit.Split split = new TimeOrderedSplit(0.3, Duration.ZERO).split(ticks(10));

        assertThat(split.train()).hasSize(21);
        assertThat(split.validation()).hasSize(9);
        long lastTrain = split.train().get(split.train().size() - 1).timeMillis();
        assertThat(split.validation()).allMatch(e -> e.timeMillis() > lastTrain);
        assertThat(split.cutMillis()).isEqualTo(7 * MINUTE);
        assertThat(split.train()).isSortedAccordingTo((x, y) -> Long.compare(x.timeMillis(), y.timeMillis()));
    }

    @Test
    void examplesOfOneInstantAreNeverSeparated() {
        // 30% of 30 examples is 9, a tick boundary; 25% is 7.5: the cut moves to the nearest boundary
        TimeOrderedSplit.Split split = new TimeOrderedSplit(0.25, Duration.ZERO).split(ticks(10));

        assertThat(split.validation().size() % 3).isZero();
        assertThat(split.train().size() + split.validation().size()).isEqualTo(30);
    }

    @Test
    void embargoDropsTrainingExamplesWhoseHorizonReachesIntoValidation() {
        TimeOrderedSplit.Split split = new TimeOrderedSplit(0.3, Duration.ofMinutes(2)).split(ticks(10));

        assertThat(split.validation()).hasSize(9);
        // cut at minute 7: minutes 5 and 6 are within 2 minutes of it
        assertThat(split.train()).hasSize(15);
        assertThat(split.train()).allMatch(e -> e.timeMillis() < 5 * MINUTE);
    }

    @Test
    void needsTwoDistinctTimes() {
        List<Example> oneInstant = List.of(Example.negative("a", 0, new double[0]), Example.negative("b", 0, new double[0]));

        assertThatThrownBy(() -> TimeOrderedSplit.defaults().split(oneInstant))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
