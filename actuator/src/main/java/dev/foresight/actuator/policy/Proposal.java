package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.NodeRisk;
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
 * @param economics its expected gain and cost ({@link ActionEconomics}) for the fault-tolerance
 *     actions (quarantine, release, the proactive and periodic checkpoints and migrations); null for
 *     power management and making room, which no failure prediction drives
 * @param basis the prediction a QUARANTINE acts on: its horizon and threshold decide when the
 *     quarantine ends; null otherwise
 */
public record Proposal(
        PolicyKind policy,
        CommandKind kind,
        String subject,
        String source,
        String target,
        String reason,
        String predictionRef,
        String cause,
        Economics economics,
        NodeRisk basis) {

    public static Proposal migrate(PolicyKind policy, String vmId, String source, String target, String reason,
            String predictionRef, String cause) {
        return new Proposal(policy, CommandKind.MIGRATE, vmId, source, target, reason, predictionRef, cause, null, null);
    }

    public static Proposal checkpoint(PolicyKind policy, String jobId, String reason, String predictionRef, String cause) {
        return new Proposal(policy, CommandKind.CHECKPOINT, jobId, null, null, reason, predictionRef, cause, null, null);
    }

    public static Proposal onNode(PolicyKind policy, CommandKind kind, String nodeId, String reason, String predictionRef) {
        return new Proposal(policy, kind, nodeId, null, null, reason, predictionRef, null, null, null);
    }

    public static Proposal powerOff(PolicyKind policy, String nodeId, boolean lowPower, String reason) {
        return new Proposal(policy, CommandKind.POWER_OFF, nodeId, null, lowPower ? ClusterCommand.LOW_POWER_TARGET : null,
                reason, null, null, null, null);
    }

    public Proposal withEconomics(Economics value) {
        return new Proposal(policy, kind, subject, source, target, reason, predictionRef, cause, value, basis);
    }

    public Proposal withBasis(NodeRisk value) {
        return new Proposal(policy, kind, subject, source, target, reason, predictionRef, cause, economics, value);
    }

    /** Two proposals asking for the same change (whoever proposed it and why). */
    public boolean sameChange(Proposal other) {
        return kind == other.kind && subject.equals(other.subject) && java.util.Objects.equals(target, other.target);
    }

    public String describe() {
        return kind + " " + subject + (target == null ? "" : " -> " + target);
    }
}
