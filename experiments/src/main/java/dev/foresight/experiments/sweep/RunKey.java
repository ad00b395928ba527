package dev.foresight.experiments.sweep;

import dev.foresight.experiments.Policy;
import java.util.Comparator;

/** One run of a sweep: a policy under a seed. */
public record RunKey(long seed, Policy policy) {

    /** Seed first, so that a sweep finishes whole seeds early and an interrupted one leaves comparable pairs. */
    public static final Comparator<RunKey> ORDER = Comparator.comparingLong(RunKey::seed).thenComparing(RunKey::policy);

    @Override
    public String toString() {
        return "seed " + seed + ", " + policy.label();
    }
}
