package dev.foresight.experiments;

/**
 * The protection a run uses. All runs of one experiment share the scenario and the seed, so the same
 * hardware failures strike at the same times (common random numbers): they differ only by the policy.
 */
public enum Policy {
    /** No checkpoints, no actuator: every failure throws away all progress of its victims. */
    NO_PROTECTION(false, false),
    /** Coordinated checkpoints at each job's Young/Daly interval; no prediction. */
    PERIODIC(true, false),
    /** Periodic checkpoints plus the learned predictor and the actuator (migrate, checkpoint, quarantine). */
    PROACTIVE(true, true),
    /**
     * As PROACTIVE, but predictions come from the ideal predictor: the true degradation of each coming failure,
     * without its time: the ceiling of what any predictor can learn from the telemetry.
     */
    IDEAL(true, true),
    /** As PROACTIVE, but predictions come from the simulator's ground truth: the upper bound of prediction. */
    ORACLE(true, true);

    private final boolean periodicCheckpoints;
    private final boolean usesActuator;

    Policy(boolean periodicCheckpoints, boolean usesActuator) {
        this.periodicCheckpoints = periodicCheckpoints;
        this.usesActuator = usesActuator;
    }

    public boolean periodicCheckpoints() {
        return periodicCheckpoints;
    }

    public boolean usesActuator() {
        return usesActuator;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
