package dev.foresight.streams.training;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.calibration.Calibration;
import dev.foresight.predictor.calibration.ProbabilityScale;
import dev.foresight.predictor.calibration.ThresholdCalibrator;
import dev.foresight.predictor.calibration.TimeOrderedSplit;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.release.ChampionChallenger;
import dev.foresight.predictor.release.ReleaseDecision;
import dev.foresight.predictor.release.ReleasePolicy;
import dev.foresight.streams.StreamsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One retraining decision, as a pure function of the buffered examples and the champion: the glue between
 * the predictor's pieces that the trainer task runs at each training tick.
 *
 * <ol>
 *   <li>hold out the newest examples ({@code heldOutFraction} of each class, time-ordered) for
 *       champion/challenger;</li>
 *   <li>split the rest by time again: fit the challenger on the older part, calibrate its alarm threshold
 *       for the target precision on the newer part;</li>
 *   <li>release the challenger only if its held-out PR-AUC beats the champion's by the margin (or, with no
 *       champion, the constant base-rate scorer's).</li>
 * </ol>
 * Splits are by time within each class, purging failures that straddle the cut ({@link ClassSplit}).
 * Whenever the data cannot support a step (one class missing, no positive to calibrate on), the outcome is
 * "no release" with the reason, never an exception.
 */
public final class ModelTrainer {

    private final PredictorOptions options;
    private final ThresholdCalibrator calibrator;
    private final ReleasePolicy policy;
    private final ClassSplit heldOutSplit;
    private final ClassSplit validationSplit;

    public ModelTrainer(PredictorOptions options, ThresholdCalibrator calibrator, ReleasePolicy policy,
                        double validationFraction, double heldOutFraction, Duration embargo) {
        this.options = Objects.requireNonNull(options, "options");
        this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.heldOutSplit = new ClassSplit(heldOutFraction, embargo);
        this.validationSplit = new ClassSplit(validationFraction, embargo);
    }

    /** The seed of every fit. */
    public long seed() {
        return options.seed();
    }

    public static ModelTrainer from(StreamsSettings settings) {
        return new ModelTrainer(settings.predictor(), settings.calibrator(), settings.releasePolicy(),
                settings.validationFraction(), settings.heldOutFraction(), settings.horizon());
    }

    /**
     * What came of one retraining.
     *
     * @param challenger   the model fitted, or null if the data did not allow a fit
     * @param calibration  its threshold, or null
     * @param decision     the champion/challenger verdict, or null
     * @param release      whether to release the challenger
     * @param reason       one sentence for the log and the audit trail
     * @param trainSize    examples the challenger was fitted on
     * @param validationSize examples its threshold was calibrated on
     */
    public record Outcome(FailurePredictor challenger, Calibration calibration, ReleaseDecision decision,
                          boolean release, String reason, int trainSize, int validationSize) {

        static Outcome skipped(String reason) {
            return new Outcome(null, null, null, false, reason, 0, 0);
        }
    }

    /**
     * @param schema   column names of the examples' features
     * @param examples the buffered examples (weights as the buffer reweighted them)
     * @param champion the released model, or null
     */
    public Outcome train(FeatureSchema schema, List<Example> examples, FailurePredictor champion) {
        String shortage = shortage(examples, "the buffer");
        if (shortage != null) {
            return Outcome.skipped(shortage);
        }
        Slices outer = heldOutSplit.split(examples);
        List<Example> pool = outer.older();
        List<Example> heldOut = outer.newer();
        shortage = shortage(pool, "the training pool");
        if (shortage != null) {
            return Outcome.skipped(shortage);
        }
        Slices inner = validationSplit.split(pool);
        List<Example> fit = inner.older();
        List<Example> validation = inner.newer();
        shortage = shortage(fit, "the fitting slice");
        if (shortage != null) {
            return Outcome.skipped(shortage);
        }
        if (validation.stream().allMatch(Example::failed)) {
            return Outcome.skipped("the calibration slice (" + validation.size() + " examples) has no healthy window to calibrate on");
        }
        if (validation.stream().noneMatch(Example::failed)) {
            return Outcome.skipped("the calibration slice (" + validation.size() + " examples) has no failure to calibrate on");
        }
        FailurePredictor challenger = withProbabilities(FailurePredictor.fit(schema, fit, options), validation);
        Calibration calibration = calibrator.calibrate(challenger, validation);
        ReleaseDecision decision = ChampionChallenger.decide(champion, challenger, heldOut, policy);
        if (decision.release() && calibration.strategy() != Calibration.Strategy.TARGET_PRECISION) {
            // A threshold that cannot reach the target precision on validation floods the actuator with false
            // alarms, and every alarm quarantines a node: a model that ranks well is still not fit to act on.
            return new Outcome(challenger, calibration, decision, false, String.format(java.util.Locale.ROOT,
                    "not released: no threshold reaches precision %.2f on the %d validation examples (best %s at %.3f)",
                    calibrator.targetPrecision(), validation.size(), calibration.strategy(), calibration.precision()),
                    fit.size(), validation.size());
        }
        return new Outcome(challenger, calibration, decision, decision.release(), decision.reason(), fit.size(),
                validation.size());
    }

    /**
     * The model with its scores mapped to probabilities of failure within the horizon, fitted on the calibration
     * slice at the stream's class mix (the buffer's weights): what the actuator weighs an action's gain with.
     */
    static FailurePredictor withProbabilities(FailurePredictor model, List<Example> validation) {
        return model.withScale(ProbabilityScale.fit(model, validation));
    }

    /** An older and a newer slice of the same examples. */
    record Slices(List<Example> older, List<Example> newer) {
    }

    /**
     * A time-ordered split applied to each class on its own; the newest share of the failures and the
     * newest share of the healthy windows form the newer slice.
     *
     * <p>Why per class: the {@link dev.foresight.predictor.release.ExampleBuffer} caps each class separately,
     * so its rare failures reach far further back in time than its healthy windows; one cut by time over the
     * mixed examples would leave the older slice with failures only. Within each class the newer slice is
     * still newer than what the model learnt from.
     *
     * <p>Purging: an older positive whose failure happens after the cut is dropped, because the windows
     * leading to one failure must not straddle the cut (the newer slice would grade the model on the
     * failure it learnt). That is exactly the leak a one-horizon embargo guards against, at less cost: the
     * windows of failures before the cut all stay. A positive without a lead time falls back to the embargo.
     * Healthy windows are not purged: they share no event, and the buffer's healthy history is short.
     */
    record ClassSplit(double fraction, Duration embargo) {

        Slices split(List<Example> examples) {
            List<Example> older = new ArrayList<>();
            List<Example> newer = new ArrayList<>();
            for (boolean failed : new boolean[] {true, false}) {
                List<Example> cls = examples.stream().filter(e -> e.failed() == failed).toList();
                if (cls.stream().mapToLong(Example::timeMillis).distinct().limit(2).count() < 2) {
                    older.addAll(cls); // a class at a single instant cannot be cut; it all trains
                    continue;
                }
                TimeOrderedSplit.Split cut = new TimeOrderedSplit(fraction, Duration.ZERO).split(cls);
                for (Example example : cut.train()) {
                    if (!failed || !straddles(example, cut.cutMillis())) {
                        older.add(example);
                    }
                }
                newer.addAll(cut.validation());
            }
            older.sort(CANONICAL);
            newer.sort(CANONICAL);
            return new Slices(older, newer);
        }

        private boolean straddles(Example positive, long cutMillis) {
            Long failure = positive.failureTimeMillis();
            return failure != null ? failure > cutMillis : positive.timeMillis() > cutMillis - embargo.toMillis();
        }
    }

    private static final Comparator<Example> CANONICAL =
            Comparator.comparingLong(Example::timeMillis).thenComparing(Example::nodeId);

    /** Why these examples cannot be split and fitted, or null if they can. */
    private static String shortage(List<Example> examples, String what) {
        long positives = examples.stream().filter(Example::failed).count();
        long negatives = examples.size() - positives;
        if (positives == 0 || negatives == 0) {
            return what + " holds " + positives + " failure and " + negatives + " healthy examples; training needs both";
        }
        return null;
    }
}
