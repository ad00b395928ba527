package dev.foresight.cluster.scenario;

import dev.foresight.cluster.failure.FailureClass;
import java.util.Locale;

/**
 * The mix of failure classes and how each announces itself. Defaults: see cluster/README.md ("Failure classes"),
 * where every number is tied to its source.
 */
public record FailureClassesSettings(
        FailureClassSettings memory,
        FailureClassSettings thermal,
        FailureClassSettings power,
        FailureClassSettings disk,
        FailureClassSettings software,
        FailureClassSettings other) {

    /** Shares must sum to one within this. */
    private static final double SHARE_TOLERANCE = 1e-6;

    public static FailureClassesSettings defaults() {
        return new FailureClassesSettings(
                new FailureClassSettings(0.25, 0.8, new RangeSettings(60, 1440)),
                new FailureClassSettings(0.15, 0.7, new RangeSettings(10, 120)),
                new FailureClassSettings(0.10, 0.6, new RangeSettings(30, 360)),
                new FailureClassSettings(0.05, 0.5, new RangeSettings(720, 10080)),
                new FailureClassSettings(0.30, 0.5, new RangeSettings(2, 30)),
                new FailureClassSettings(0.15, 0.0, new RangeSettings(1, 1)));
    }

    /** Every failure of one class, all announced, with the given lead: the simplest fixture for tests. */
    public static FailureClassesSettings only(FailureClass only, double announced, RangeSettings leadMinutes) {
        FailureClassSettings none = new FailureClassSettings(0, 0, leadMinutes);
        FailureClassSettings[] all = new FailureClassSettings[FailureClass.values().length];
        java.util.Arrays.fill(all, none);
        all[only.ordinal()] = new FailureClassSettings(1, announced, leadMinutes);
        return new FailureClassesSettings(all[0], all[1], all[2], all[3], all[4], all[5]);
    }

    public FailureClassSettings of(FailureClass failureClass) {
        return switch (failureClass) {
            case MEMORY -> memory;
            case THERMAL -> thermal;
            case POWER -> power;
            case DISK -> disk;
            case SOFTWARE -> software;
            case OTHER -> other;
        };
    }

    /** Share of all failures that announce themselves: the recall no predictor can exceed. */
    public double announcedShare() {
        double sum = 0;
        for (FailureClass c : FailureClass.values()) {
            sum += of(c).share() * of(c).announced();
        }
        return sum;
    }

    public void validate(String path, Violations v) {
        double sum = 0;
        for (FailureClass c : FailureClass.values()) {
            FailureClassSettings settings = of(c);
            String at = path + "." + c.label();
            v.notNull(at, settings);
            if (settings == null) {
                return;
            }
            settings.validate(at, v);
            sum += settings.share();
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            v.add(path, String.format(Locale.ROOT, "the class shares must sum to 1, got %.6f", sum));
        }
        if (other != null && other.announced() != 0) {
            v.add(path + ".other.announced", "must be 0: no sensor shows these failures coming, got " + other.announced());
        }
    }
}
