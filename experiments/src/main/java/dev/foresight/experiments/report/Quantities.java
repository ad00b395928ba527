package dev.foresight.experiments.report;

import dev.foresight.experiments.report.Quantity.Better;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every figure the reports show, in the order they show them: the net benefit first (useful work and
 * energy, next to lost work), then what it is made of. A figure without an entry here is shown under its
 * key; a test holds every figure of {@link ExperimentReport#figures} to having one.
 */
public final class Quantities {

    /** The headline of every report: what a policy buys, against what it saves. */
    public static final List<String> HEADLINE = List.of("usefulCoreHours", "energyKwh", "lostCoreHours");

    /** Accounting figures of a run ({@link ExperimentReport#figures}). */
    public static final List<Quantity> RUN = List.of(
            new Quantity("usefulCoreHours", "Useful work", "core-hours", Better.HIGHER),
            new Quantity("energyKwh", "Energy", "kWh", Better.LOWER),
            new Quantity("lostCoreHours", "Lost work", "core-hours", Better.LOWER),
            new Quantity("checkpointCoreHours", "Checkpoint overhead", "core-hours", Better.LOWER),
            new Quantity("migrationCoreHours", "Migration overhead", "core-hours", Better.LOWER),
            new Quantity("restartCoreHours", "Restart overhead", "core-hours", Better.LOWER),
            new Quantity("wasteFraction", "Waste (lost work and overheads over occupied core-time)", "share", Better.LOWER),
            new Quantity("highPriorityMeanWaitMinutes", "High-priority wait, mean per job start", "minutes", Better.LOWER),
            new Quantity("meanPowerWatts", "Mean power", "W", Better.LOWER),
            new Quantity("meanUtilization", "Utilization (busy cores over all cores)", "share", Better.HIGHER),
            new Quantity("jobsCompleted", "Jobs completed", "", Better.HIGHER),
            new Quantity("failures", "Hardware failures", "", Better.NEITHER),
            new Quantity("failuresWithVictims", "Failures that killed VMs", "", Better.LOWER),
            new Quantity("vmsLost", "VMs lost", "", Better.LOWER),
            new Quantity("migrationsCompleted", "Live migrations completed", "", Better.NEITHER),
            new Quantity("checkpointsCompleted", "Checkpoints completed", "", Better.NEITHER),
            new Quantity("quarantinedNodeHours", "Quarantined node time (capacity withheld from new placements)", "node-hours", Better.LOWER),
            new Quantity("simulatedHours", "Simulated time", "hours", Better.NEITHER));

    /** Predictor figures of a run that acted on predictions ({@link dev.foresight.experiments.RunResult#predictorQuality}). */
    public static final List<Quantity> PREDICTOR = List.of(
            new Quantity("announcedRecall", "Recall of announced failures (an alarm at least 1 + lag ticks and at most the horizon before them)", "share", Better.HIGHER),
            new Quantity("recall", "Recall of all failures, sudden ones included", "share", Better.HIGHER),
            new Quantity("precision", "Precision (alarm episodes followed by a failure within the horizon)", "share", Better.HIGHER),
            new Quantity("falseAlarmsPerNodeDay", "False alarms (episodes without a failure)", "per node-day", Better.LOWER),
            new Quantity("recallAtPrecision90", "Recall of announced failures at precision 0.9 and at most 0.05 false alarms per node-day (best threshold)", "share", Better.HIGHER),
            new Quantity("idealRecallAtPrecision90", "The same for the ideal predictor on the same node-ticks", "share", Better.HIGHER),
            new Quantity("prAuc", "PR-AUC over node-ticks", "", Better.HIGHER),
            new Quantity("idealPrAuc", "PR-AUC of the ideal predictor on the same node-ticks", "", Better.HIGHER),
            new Quantity("prAucOfIdeal", "PR-AUC as a share of the ideal predictor's", "share", Better.HIGHER),
            new Quantity("f1", "F1 score (episode precision, failure recall)", "", Better.HIGHER),
            new Quantity("failures", "Failures judged (from the first tick a model was in effect)", "", Better.NEITHER),
            new Quantity("announcedFailures", "Announced failures judged", "", Better.NEITHER),
            new Quantity("failuresDetected", "Failures detected", "", Better.HIGHER),
            new Quantity("alarmEpisodes", "Alarm episodes", "", Better.NEITHER),
            new Quantity("leadTimeMinutesMin", "Lead time, shortest", "minutes", Better.HIGHER),
            new Quantity("leadTimeMinutesMedian", "Lead time, median", "minutes", Better.HIGHER),
            new Quantity("leadTimeMinutesP90", "Lead time, 90th percentile", "minutes", Better.HIGHER),
            new Quantity("leadTimeMinutesMax", "Lead time, longest", "minutes", Better.HIGHER),
            new Quantity("alarmActions", "Actions on alarms (migrations, checkpoints, quarantines the cluster accepted)", "", Better.NEITHER),
            new Quantity("falseAlarmActions", "Actions on false alarms (no failure of the node within the horizon)", "", Better.LOWER),
            new Quantity("alarmActionCostCoreHours", "Cost of actions on alarms, as the actuator estimated it when it decided", "core-hours", Better.LOWER),
            new Quantity("falseAlarmCostCoreHours", "False-alarm cost: the estimated cost of actions on false alarms", "core-hours", Better.LOWER),
            new Quantity("quarantinedNodeHoursWithoutFailure", "Quarantined node time in which the node did not fail", "node-hours", Better.LOWER),
            new Quantity("modelTicks", "Ticks with a model in effect", "ticks", Better.NEITHER),
            new Quantity("horizonTicks", "Prediction horizon", "ticks", Better.NEITHER));

    /** Figures counted per failure class; {@code %s} in the label is the class. */
    private static final Map<String, Quantity> PER_CLASS = Map.of(
            "announcedFailures", new Quantity("announcedFailures", "Announced %s failures judged", "", Better.NEITHER),
            "announcedCaught", new Quantity("announcedCaught", "Announced %s failures the run's alarms caught", "", Better.HIGHER));

    private static final Map<String, Quantity> RUN_BY_KEY = RUN.stream().collect(Collectors.toMap(Quantity::key, Function.identity()));
    private static final Map<String, Quantity> PREDICTOR_BY_KEY =
            PREDICTOR.stream().collect(Collectors.toMap(Quantity::key, Function.identity()));

    private Quantities() {}

    public static Optional<Quantity> run(String key) {
        return Optional.ofNullable(RUN_BY_KEY.get(key));
    }

    /**
     * A predictor figure, or one of its per-failure-class forms ({@link #perClass}), labelled as its base figure for
     * that class.
     */
    public static Optional<Quantity> predictor(String key) {
        Quantity q = PREDICTOR_BY_KEY.get(key);
        int dot = key.indexOf('.');
        if (q == null && dot > 0 && PER_CLASS.containsKey(key.substring(0, dot))) {
            String failureClass = key.substring(dot + 1);
            Quantity base = PER_CLASS.get(key.substring(0, dot));
            q = new Quantity(key, base.name().formatted(failureClass), base.unit(), base.better());
        }
        return Optional.ofNullable(q);
    }

    /** The key of a figure counted for one failure class: {@code base.class}. */
    public static String perClass(String base, String failureClass) {
        if (!PER_CLASS.containsKey(base)) {
            throw new IllegalArgumentException("no per-class figure " + base);
        }
        return base + "." + failureClass;
    }

    /** The run figure's label in words, or its key when the catalogue has none (a new figure nobody named yet). */
    public static String runLabel(String key) {
        return run(key).map(Quantity::label).orElse(key);
    }

    public static String predictorLabel(String key) {
        return predictor(key).map(Quantity::label).orElse(key);
    }
}
