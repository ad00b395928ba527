package dev.foresight.predictor;

import dev.foresight.predictor.calibration.TimeOrderedSplit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Data sets and fitted models shared by the tests, built once per test JVM: fitting is the slow
 * part of the suite, and every test that only reads a model can share one.
 */
public final class Fixtures {

    private static SyntheticFleet fleet;
    private static TimeOrderedSplit.Split split;
    private static final Map<Algorithm, FailurePredictor> MODELS = new EnumMap<>(Algorithm.class);

    private Fixtures() {
    }

    /** 30 nodes over 3 days: about 7,800 examples, 2-3% positive. */
    public static synchronized SyntheticFleet fleet() {
        if (fleet == null) {
            fleet = SyntheticFleet.generate(7, 30, Duration.ofDays(3));
        }
        return fleet;
    }

    /** Oldest 70% for training, newest 30% for validation, embargoed by the horizon. */
    public static synchronized TimeOrderedSplit.Split split() {
        if (split == null) {
            split = new TimeOrderedSplit(0.3, SyntheticFleet.HORIZON).split(fleet().examples());
        }
        return split;
    }

    /** A model fitted with default options (but the algorithm) on the training slice. */
    public static synchronized FailurePredictor model(Algorithm algorithm) {
        return MODELS.computeIfAbsent(algorithm, a ->
                FailurePredictor.fit(fleet().schema(), split().train(), PredictorOptions.defaults().withAlgorithm(a)));
    }

    /** The examples with their labels shuffled: same features, no signal. */
    public static List<Example> withShuffledLabels(List<Example> examples, long seed) {
        List<Boolean> labels = new ArrayList<>(examples.stream().map(Example::failed).toList());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = labels.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            labels.set(i, labels.set(j, labels.get(i)));
        }
        List<Example> shuffled = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            shuffled.add(new Example(e.nodeId(), e.timeMillis(), e.features(), labels.get(i),
                    labels.get(i) ? 60_000L : null, e.weight()));
        }
        return shuffled;
    }
}
