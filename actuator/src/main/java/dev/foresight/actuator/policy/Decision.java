package dev.foresight.actuator.policy;

import dev.foresight.cluster.command.ClusterCommand;
import java.util.Locale;

/**
 * A numbered proposal: what the guardrails judge, the audit trail records and, if it passes, the
 * cluster receives.
 *
 * @param commandId derived from the tick and the proposal's position ({@link #idFor}), so that the
 *     same inputs always give the same ids
 * @param tick the tick it was decided at
 */
public record Decision(String commandId, long tick, Proposal proposal) {

    /** {@code a<tick>-<seq>}, zero-padded so that ids sort in decision order. */
    public static String idFor(long tick, int sequence) {
        return String.format(Locale.ROOT, "a%08d-%04d", tick, sequence);
    }

    public ClusterCommand toClusterCommand() {
        return new ClusterCommand(commandId, proposal.kind(), proposal.subject(), proposal.target(), proposal.reason());
    }
}
