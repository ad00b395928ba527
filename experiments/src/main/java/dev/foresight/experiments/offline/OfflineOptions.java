package dev.foresight.experiments.offline;

import dev.foresight.predictor.PredictorOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How offline training and evaluation run on a recording. Every option has a default
 * ({@link #defaults()}); empty lists and zeros mean "chosen from the recording's tick length".
 *
 * @param horizons            horizons H to evaluate; empty: 1, 7 and 14 days for daily data, 60 ticks otherwise
 * @param windows             trailing feature windows; empty: 3, 7 and 14 days for daily data, 10, 30 and 120
 *                            ticks otherwise (the streams defaults for one-minute ticks)
 * @param metrics             metrics to build features from; empty: every metric of the recording
 * @param labelEveryTicks     only windows ending on a tick divisible by this become examples (consecutive
 *                            windows of a node are nearly the same); 0: 1 for ticks of an hour or more, 5 otherwise
 * @param split               how slices are cut (never at random)
 * @param trainFraction       share of the labelled windows, in time order, before the (first) cut (default 0.5)
 * @param validationFraction  TIME split: share between the two cuts (default 0.2)
 * @param validationNodeShare TIME_AND_NODE split: share of nodes that validate (default 0.2)
 * @param testNodeShare       TIME_AND_NODE split: share of nodes held out for the test (default 0.3)
 * @param minSliceFailures    AUTO chooses TIME_AND_NODE only if every slice holds at least this many failures (default 3)
 * @param targetPrecision     precision the alarm threshold is calibrated for on the validation slice (default 0.8)
 * @param fixedPrecisions     precisions at which the test recall is also reported (default 0.95 and 0.8)
 * @param predictor           algorithm, hyper-parameters and seed of the fit
 * @param minLead             in the per-category figures (recordings whose failures carry a category), a failure
 *                            counts as detected only if an alarm came at least this long before it (default 10 minutes)
 * @param earlyMargin         training windows whose node fails within this long after their horizon are left out of
 *                            training rather than labelled healthy ({@link dev.foresight.predictor.label.LabelPolicy#earlyMargin()});
 *                            validation and test keep the plain labels (default zero: none left out)
 */
public record OfflineOptions(List<HorizonLength> horizons, List<Duration> windows, SortedSet<String> metrics, int labelEveryTicks,
                             SplitChoice split, double trainFraction, double validationFraction, double validationNodeShare,
                             double testNodeShare, int minSliceFailures, double targetPrecision, List<Double> fixedPrecisions,
                             PredictorOptions predictor, Duration minLead, Duration earlyMargin) {

    public OfflineOptions {
        horizons = List.copyOf(horizons);
        windows = List.copyOf(windows);
        metrics = Collections.unmodifiableSortedSet(new TreeSet<>(metrics));
        if (labelEveryTicks < 0) {
            throw new IllegalArgumentException("labelEveryTicks must be >= 0 (0 = automatic): " + labelEveryTicks);
        }
        Objects.requireNonNull(split, "split");
        fraction("trainFraction", trainFraction);
        fraction("validationFraction", validationFraction);
        if (trainFraction + validationFraction >= 1) {
            throw new IllegalArgumentException("trainFraction + validationFraction must leave room for a test slice: "
                    + trainFraction + " + " + validationFraction);
        }
        fraction("validationNodeShare", validationNodeShare);
        fraction("testNodeShare", testNodeShare);
        if (validationNodeShare + testNodeShare >= 1) {
            throw new IllegalArgumentException("validationNodeShare + testNodeShare must leave nodes to train on: "
                    + validationNodeShare + " + " + testNodeShare);
        }
        if (minSliceFailures < 1) {
            throw new IllegalArgumentException("minSliceFailures must be at least 1: " + minSliceFailures);
        }
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in (0, 1]: " + targetPrecision);
        }
        fixedPrecisions = List.copyOf(fixedPrecisions);
        for (double p : fixedPrecisions) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("a fixed precision must be in (0, 1]: " + p);
            }
        }
        Objects.requireNonNull(predictor, "predictor");
        if (minLead.isNegative()) {
            throw new IllegalArgumentException("minLead must not be negative: " + minLead);
        }
        if (earlyMargin.isNegative()) {
            throw new IllegalArgumentException("earlyMargin must not be negative: " + earlyMargin);
        }
    }

    public static OfflineOptions defaults() {
        return new OfflineOptions(List.of(), List.of(), new TreeSet<>(), 0, SplitChoice.AUTO, 0.5, 0.2, 0.2, 0.3, 3, 0.8,
                List.of(0.95, 0.8), PredictorOptions.defaults(), Duration.ofMinutes(10), Duration.ZERO);
    }

    public OfflineOptions withHorizons(List<HorizonLength> value) {
        return new OfflineOptions(value, windows, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withWindows(List<Duration> value) {
        return new OfflineOptions(horizons, value, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withMetrics(SortedSet<String> value) {
        return new OfflineOptions(horizons, windows, value, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withLabelEveryTicks(int value) {
        return new OfflineOptions(horizons, windows, metrics, value, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withSplit(SplitChoice value) {
        return new OfflineOptions(horizons, windows, metrics, labelEveryTicks, value, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withTargetPrecision(double value) {
        return new OfflineOptions(horizons, windows, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, value, fixedPrecisions, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withFixedPrecisions(List<Double> value) {
        return new OfflineOptions(horizons, windows, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, value, predictor, minLead, earlyMargin);
    }

    public OfflineOptions withPredictor(PredictorOptions value) {
        return new OfflineOptions(horizons, windows, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, value, minLead, earlyMargin);
    }

    public OfflineOptions withMinLead(Duration value) {
        return new OfflineOptions(horizons, windows, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, value, earlyMargin);
    }

    public OfflineOptions withEarlyMargin(Duration value) {
        return new OfflineOptions(horizons, windows, metrics, labelEveryTicks, split, trainFraction, validationFraction,
                validationNodeShare, testNodeShare, minSliceFailures, targetPrecision, fixedPrecisions, predictor, minLead, value);
    }

    /** The horizons to use for a recording with this tick length. */
    List<Duration> horizonsFor(Duration tick) {
        if (!horizons.isEmpty()) {
            return horizons.stream().map(h -> h.toDuration(tick)).distinct().sorted().toList();
        }
        return daily(tick) ? List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(14)) : List.of(tick.multipliedBy(60));
    }

    /** The feature windows to use for a recording with this tick length. */
    List<Duration> windowsFor(Duration tick) {
        if (!windows.isEmpty()) {
            return windows;
        }
        return daily(tick) ? List.of(Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14))
                : List.of(tick.multipliedBy(10), tick.multipliedBy(30), tick.multipliedBy(120));
    }

    int labelEveryFor(Duration tick) {
        if (labelEveryTicks > 0) {
            return labelEveryTicks;
        }
        return tick.compareTo(Duration.ofHours(1)) >= 0 ? 1 : 5;
    }

    static boolean daily(Duration tick) {
        return tick.compareTo(Duration.ofDays(1)) >= 0;
    }

    private static void fraction(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1): " + value);
        }
    }
}
