package dev.foresight.streams.training;

import dev.foresight.predictor.Example;
import dev.foresight.predictor.FailurePredictor;
import dev.foresight.predictor.PredictorOptions;
import dev.foresight.predictor.calibration.Calibration;
import dev.foresight.predictor.calibration.ThresholdCalibrator;
import dev.foresight.predictor.calibration.TimeOrderedSplit;
import dev.foresight.predictor.feature.FeatureSchema;
import dev.foresight.predictor.release.ChampionChallenger;
import dev.foresight.predictor.release.ReleaseDecision;
import dev.foresight.predictor.release.ReleasePolicy;
import dev.foresight.streams.StreamsSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One retraining decision, as a pure function of the buffered examples and the champion: the glue between
 * the predictor's pieces that the trainer task runs at each training tick.
 *
 * <ol>
 *   <li>hold out the newest examples ({@code heldOutFraction}, time-ordered) for champion/challenger;</li>
 *   <li>split the rest by time again: fit the challenger on the older part, calibrate its alarm threshold
 *       for the target precision on the newer part;</li>
 *   <li>release the challenger only if its held-out PR-AUC beats the champion's by the margin (or, with no
 *       champion, the constant base-rate scorer's).</li>
 * </ol>
 * Both splits embargo one horizon before the cut, because a window's label looks one horizon ahead.
 * Whenever the data cannot support a step (one class missing, too few distinct times, no positive to
 * calibrate on), the outcome is "no release" with the reason, never an exception.
 */
public final class ModelTrainer {

    private final PredictorOptions options;
    private final ThresholdCalibrator calibrator;
    private final ReleasePolicy policy;
    private final TimeOrderedSplit heldOutSplit;
    private final TimeOrderedSplit validationSplit;

    public ModelTrainer(PredictorOptions options, ThresholdCalibrator calibrator, ReleasePolicy policy,
                        double validationFraction, double heldOutFraction, Duration embargo) {
        this.options = Objects.requireNonNull(options, "options");
        this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.heldOutSplit = new TimeOrderedSplit(heldOutFraction, embargo);
        this.validationSplit = new TimeOrderedSplit(validationFraction, embargo);
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
        TimeOrderedSplit.Split outer = heldOutSplit.split(examples);
        List<Example> pool = outer.train();
        List<Example> heldOut = outer.validation();
        shortage = shortage(pool, "the training pool");
        if (shortage != null) {
            return Outcome.skipped(shortage);
        }
        TimeOrderedSplit.Split inner = validationSplit.split(pool);
        List<Example> fit = inner.train();
        List<Example> validation = inner.validation();
        shortage = shortage(fit, "the fitting slice");
        if (shortage != null) {
            return Outcome.skipped(shortage);
        }
        if (validation.stream().noneMatch(Example::failed)) {
            return Outcome.skipped("the calibration slice (" + validation.size() + " examples) has no failure to calibrate on");
        }
        FailurePredictor challenger = FailurePredictor.fit(schema, fit, options);
        Calibration calibration = calibrator.calibrate(challenger, validation);
        ReleaseDecision decision = ChampionChallenger.decide(champion, challenger, heldOut, policy);
        return new Outcome(challenger, calibration, decision, decision.release(), decision.reason(), fit.size(),
                validation.size());
    }

    /** Why these examples cannot be split and fitted, or null if they can. */
    private static String shortage(List<Example> examples, String what) {
        long positives = examples.stream().filter(Example::failed).count();
        long negatives = examples.size() - positives;
        if (positives == 0 || negatives == 0) {
            return what + " holds " + positives + " failure and " + negatives + " healthy examples; training needs both";
        }
        long distinctTimes = examples.stream().mapToLong(Example::timeMillis).distinct().limit(2).count();
        if (distinctTimes < 2) {
            return what + " spans a single instant; a time-ordered split needs two";
        }
        return null;
    }
}
