package dev.foresight.actuator.audit;

import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import java.util.Locale;

/**
 * One line of the audit trail: what was decided, why, what it answers, and what became of it.
 *
 * @param tick the tick at which this happened
 * @param origin the policy that proposed it ({@link PolicyKind#APPROVAL} never appears here: an
 *     approved command keeps its policy); null for cluster outcomes
 * @param reason the policy's reason; null for cluster outcomes
 * @param predictionRef the prediction answered ({@code nodeId@tick/vVERSION}), or null
 * @param detail the guardrail that refused it, the operator's answer, or the cluster's outcome
 * @param automation the automation level the decision was made under
 * @param expectedGain work the command is expected to save, in core-seconds (one VM core for one
 *     simulated second); null for commands no failure prediction drives (power management, making
 *     room) and for cluster outcomes
 * @param cost work or capacity the command is expected to take away, in core-seconds; null as above
 */
public record AuditEntry(
        long tick,
        String commandId,
        Stage stage,
        PolicyKind origin,
        CommandKind kind,
        String subject,
        String source,
        String target,
        String reason,
        String predictionRef,
        String detail,
        Automation automation,
        Double expectedGain,
        Double cost) {

    /** What became of a decision. */
    public enum Stage {
        /** Published to the commands topic on the actuator's own authority (AUTOMATIC). */
        PUBLISHED,
        /** Published after an operator approved it. */
        APPROVED,
        /** Held until an operator answers (APPROVE). */
        AWAITING_APPROVAL,
        /** An operator refused it. */
        DENIED,
        /** Nobody answered in time. */
        EXPIRED,
        /** Logged only (RECOMMEND). */
        RECOMMENDED,
        /** Refused by a guardrail, or no longer applicable when approved. */
        DROPPED,
        /** The cluster's report on a published command. */
        OUTCOME
    }

    public static AuditEntry of(long tick, Decision decision, Stage stage, String detail, Automation automation) {
        var p = decision.proposal();
        return new AuditEntry(tick, decision.commandId(), stage, p.policy(), p.kind(), p.subject(), p.source(), p.target(),
                p.reason(), p.predictionRef(), detail, automation,
                p.economics() == null ? null : p.economics().expectedGain(), p.economics() == null ? null : p.economics().cost());
    }

    /** One readable line, for the log. */
    public String describe() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "tick %d %s %s", tick, commandId, stage));
        if (origin != null) {
            line.append(' ').append(origin);
        }
        line.append(' ').append(kind).append(' ').append(subject);
        if (source != null) {
            line.append(" from ").append(source);
        }
        if (target != null) {
            line.append(" to ").append(target);
        }
        if (reason != null) {
            line.append(": ").append(reason);
        }
        if (predictionRef != null) {
            line.append(" [").append(predictionRef).append(']');
        }
        if (detail != null) {
            line.append(" (").append(detail).append(')');
        }
        return line.toString();
    }
}
