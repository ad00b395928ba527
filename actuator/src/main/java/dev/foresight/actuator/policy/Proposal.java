package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandKind;

/**
 * A command a policy wants issued, with why.
 *
 * @param subject VM id (MIGRATE), job id (CHECKPOINT), node id otherwise
 * @param source the node a migrated VM leaves (MIGRATE only): an approved migration is re-checked
 *     against it, and guardrails count it
 * @param target the destination node (MIGRATE), {@link ClusterCommand#LOW_POWER_TARGET} for a
 *     suspending POWER_OFF, null otherwise
 * @param reason one sentence an operator can act on: what, why, and the numbers that decided it
 * @param predictionRef the prediction answered ({@code nodeId@tick/vVERSION}), null if none
 * @param cause what the proposal serves: the alarmed node (PROACTIVE), the blocked job (MAKING_ROOM),
 *     the node being emptied (CONSOLIDATION); null when nothing more specific than the subject
 */
public record Proposal(
        PolicyKind policy,
        CommandKind kind,
        String subject,
        String source,
        String target,
        String reason,
        String predictionRef,
        String cause) {

    public static Proposal migrate(PolicyKind policy, String vmId, String source, String target, String reason,
            String predictionRef, String cause) {
        return new Proposal(policy, CommandKind.MIGRATE, vmId, source, target, reason, predictionRef, cause);
    }

    public static Proposal checkpoint(PolicyKind policy, String jobId, String reason, String predictionRef, String cause) {
        return new Proposal(policy, CommandKind.CHECKPOINT, jobId, null, null, reason, predictionRef, cause);
    }

    public static Proposal onNode(PolicyKind policy, CommandKind kind, String nodeId, String reason, String predictionRef) {
        return new Proposal(policy, kind, nodeId, null, null, reason, predictionRef, null);
    }

    public static Proposal powerOff(PolicyKind policy, String nodeId, boolean lowPower, String reason) {
        return new Proposal(policy, CommandKind.POWER_OFF, nodeId, null, lowPower ? ClusterCommand.LOW_POWER_TARGET : null,
                reason, null, null);
    }

    /** Two proposals asking for the same change (whoever proposed it and why). */
    public boolean sameChange(Proposal other) {
        return kind == other.kind && subject.equals(other.subject) && java.util.Objects.equals(target, other.target);
    }

    public String describe() {
        return kind + " " + subject + (target == null ? "" : " -> " + target);
    }
}
