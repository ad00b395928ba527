package dev.foresight.actuator.risk;

import java.util.Locale;
import java.util.Optional;

/**
 * The latest prediction for one node.
 *
 * @param tick the tick the prediction was made at
 * @param probability probability that the node fails within {@code horizonMillis} (the predictor
 *     calibrates it; the oracle's is 0 or 1)
 * @param modelVersion -1 when no model was effective (then there is no alarm)
 * @param horizonMillis H of the model that scored; 0 when unknown (see {@link #horizonSeconds})
 * @param threshold the model's alarm threshold on probability; null when unknown
 */
public record NodeRisk(String nodeId, long tick, double probability, boolean alarm, int modelVersion, long horizonMillis,
        Double threshold) {

    /** A prediction that carries neither its horizon nor its threshold (an older writer's). */
    public NodeRisk(String nodeId, long tick, double probability, boolean alarm, int modelVersion) {
        this(nodeId, tick, probability, alarm, modelVersion, 0, null);
    }

    /** How commands name the prediction they answer: {@code nodeId@tick/vVERSION}. */
    public String reference() {
        return reference(nodeId, tick, modelVersion);
    }

    public static String reference(String nodeId, long tick, int modelVersion) {
        return nodeId + "@" + tick + "/v" + modelVersion;
    }

    /** The node and tick a {@link #reference} names; empty when {@code ref} is null or not in that form. */
    public static Optional<Referenced> referenced(CharSequence ref) {
        if (ref == null) {
            return Optional.empty();
        }
        String s = ref.toString();
        int at = s.lastIndexOf('@');
        int slash = s.indexOf("/v", at + 1);
        if (at <= 0 || slash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Referenced(s.substring(0, at), Long.parseLong(s.substring(at + 1, slash))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The prediction a command answers, as its {@link #reference} names it. */
    public record Referenced(String nodeId, long tick) {}

    /** The prediction's horizon in seconds, or {@code fallbackSeconds} when it carries none. */
    public double horizonSeconds(double fallbackSeconds) {
        return horizonMillis > 0 ? horizonMillis / 1000.0 : fallbackSeconds;
    }

    /** The model's alarm threshold, or {@code fallback} when the prediction carries none. */
    public double threshold(double fallback) {
        return threshold != null ? threshold : fallback;
    }

    /** For reasons in the audit trail: {@code p=0.873 (model v3)}. */
    public String describe() {
        return String.format(Locale.ROOT, "p=%.3f (model v%d)", probability, modelVersion);
    }
}
