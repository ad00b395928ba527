package dev.foresight.actuator.policy;

/**
 * The checkpoint period that minimises expected waste.
 *
 * <p>Without prediction, Young/Daly's first-order optimum is {@code T = sqrt(2 M C)}, where M is the
 * mean time between failures the job sees and C the cost of one checkpoint. With a predictor of recall
 * r whose alarms are answered proactively (migration or an extra checkpoint), only the unpredicted
 * failures, a fraction {@code 1 - r} of them, hit the job unprepared: they arrive with mean interval
 * {@code M / (1 - r)}, so the periodic checkpoint only needs {@code T = sqrt(2 M C / (1 - r))}
 * (Aupy, Robert, Vivien, Zaidouni: "Checkpointing algorithms and fault prediction", JPDC 2014).
 */
public final class CheckpointInterval {

    private CheckpointInterval() {}

    /** Young/Daly: {@code sqrt(2 M C)}, in seconds. */
    public static double youngDaly(double mtbfSeconds, double checkpointSeconds) {
        return withRecall(mtbfSeconds, checkpointSeconds, 0.0);
    }

    /** Aupy et al.: {@code sqrt(2 M C / (1 - r))}, in seconds. */
    public static double withRecall(double mtbfSeconds, double checkpointSeconds, double recall) {
        if (!(mtbfSeconds > 0) || !(checkpointSeconds > 0)) {
            throw new IllegalArgumentException("MTBF and checkpoint cost must be > 0, got M=" + mtbfSeconds
                    + " s, C=" + checkpointSeconds + " s");
        }
        if (!(recall >= 0 && recall < 1)) {
            throw new IllegalArgumentException("recall must be within [0, 1), got " + recall);
        }
        return Math.sqrt(2 * mtbfSeconds * checkpointSeconds / (1 - recall));
    }
}
