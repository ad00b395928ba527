package dev.foresight.experiments.report;

/**
 * A figure of a run as readers see it: a name in words, its unit, and which way is better.
 *
 * @param key    the figure's key in {@code summary.json} and the run manifests (stable, machine-readable)
 * @param name   what it is, in words ("Useful work")
 * @param unit   its unit ("core-hours"); empty for counts
 * @param better which way a policy improves it; {@link Better#NEITHER} for facts no policy should move
 */
public record Quantity(String key, String name, String unit, Better better) {

    /** Which way is better. */
    public enum Better {
        HIGHER, LOWER, NEITHER;

        /** Whether {@code difference} (policy minus reference) is strictly better; never for NEITHER. */
        public boolean strictlyBetter(double difference) {
            return switch (this) {
                case HIGHER -> difference > 0;
                case LOWER -> difference < 0;
                case NEITHER -> false;
            };
        }
    }

    /** "Useful work, core-hours": the name and the unit, as tables and charts label it. */
    public String label() {
        return unit.isEmpty() ? name : name + ", " + unit;
    }
}
