package dev.foresight.predictor.calibration;

import dev.foresight.predictor.Example;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Splits examples by time, never at random: the oldest go to training, the newest to validation,
 * as they would in production where a model is always judged on data newer than what it learnt.
 *
 * <p>The cut falls between two distinct times, so examples at the same instant (several nodes
 * in one tick) stay together. An embargo drops training examples within that distance of the
 * cut: a window's label looks one horizon into the future, so without it the last training
 * labels would be decided by failures inside the validation period. Set it to the horizon.
 *
 * @param validationFraction the share of examples (by count) to validate on, in (0, 1)
 * @param embargo            training examples later than {@code cut - embargo} are dropped
 */
public record TimeOrderedSplit(double validationFraction, Duration embargo) {

    public TimeOrderedSplit {
        Objects.requireNonNull(embargo, "embargo");
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1): " + validationFraction);
        }
        if (embargo.isNegative()) {
            throw new IllegalArgumentException("embargo must not be negative: " + embargo);
        }
    }

    /** The newest 30% for validation, no embargo. */
    public static TimeOrderedSplit defaults() {
        return new TimeOrderedSplit(0.3, Duration.ZERO);
    }

    /** The two slices and where they were cut. */
    public record Split(List<Example> train, List<Example> validation, long cutMillis) {
        public Split {
            train = List.copyOf(train);
            validation = List.copyOf(validation);
        }
    }

    /**
     * Splits the examples; both slices in time order.
     *
     * @throws IllegalArgumentException if the examples span fewer than two distinct times
     */
    public Split split(List<Example> examples) {
        List<Example> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparingLong(Example::timeMillis).thenComparing(Example::nodeId));
        int n = ordered.size();
        if (n < 2 || ordered.get(0).timeMillis() == ordered.get(n - 1).timeMillis()) {
            throw new IllegalArgumentException("a time-ordered split needs examples at two or more distinct times");
        }
        int target = (int) Math.round(n * (1 - validationFraction));
        int cut = Math.max(1, Math.min(n - 1, target));
        // move the cut to the nearest boundary between distinct times
        int down = cut;
        while (down > 0 && ordered.get(down - 1).timeMillis() == ordered.get(down).timeMillis()) {
            down--;
        }
        int up = cut;
        while (up < n && ordered.get(up - 1).timeMillis() == ordered.get(up).timeMillis()) {
            up++;
        }
        if (down == 0) {
            cut = up;
        } else if (up == n) {
            cut = down;
        } else {
            cut = (cut - down <= up - cut) ? down : up;
        }
        long cutMillis = ordered.get(cut).timeMillis();
        long lastTrainMillis = cutMillis - embargo.toMillis();
        List<Example> train = new ArrayList<>();
        for (Example example : ordered.subList(0, cut)) {
            if (example.timeMillis() < lastTrainMillis || embargo.isZero()) {
                train.add(example);
            }
        }
        return new Split(train, ordered.subList(cut, n), cutMillis);
    }
}
