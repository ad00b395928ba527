package dev.foresight.actuator.risk;

import java.util.Locale;

/**
 * The latest prediction for one node.
 *
 * @param tick the tick the prediction was made at
 * @param modelVersion -1 when no model was effective (then there is no alarm)
 */
public record NodeRisk(String nodeId, long tick, double probability, boolean alarm, int modelVersion) {

    /** How commands name the prediction they answer: {@code nodeId@tick/vVERSION}. */
    public String reference() {
        return reference(nodeId, tick, modelVersion);
    }

    public static String reference(String nodeId, long tick, int modelVersion) {
        return nodeId + "@" + tick + "/v" + modelVersion;
    }

    /** For reasons in the audit trail: {@code p=0.873 (model v3)}. */
    public String describe() {
        return String.format(Locale.ROOT, "p=%.3f (model v%d)", probability, modelVersion);
    }
}
