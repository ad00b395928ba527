package dev.foresight.actuator.policy;

import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives back the nodes this actuator quarantined: after a repair (new hardware, fresh start), or once
 * the predictor has called the node calm for {@code releaseAfterTicks} consecutive ticks. The calm
 * bound sits below the alarm threshold, and a single non-calm prediction restarts the count: together
 * that hysteresis stops a node whose risk hovers near the threshold from flapping in and out.
 *
 * <p>Only quarantines this actuator opened are released; an operator's quarantine stays.
 */
public final class QuarantineReleasePolicy implements Policy {

    @Override
    public PolicyKind kind() {
        return PolicyKind.RELEASE;
    }

    @Override
    public List<Proposal> propose(PlanningContext ctx) {
        List<Proposal> proposals = new ArrayList<>();
        int needed = ctx.settings().risk().releaseAfterTicks();
        for (NodeView node : ctx.index().nodes()) {
            String id = node.nodeId();
            if (!node.quarantined()
                    || ctx.operations().quarantinedSince(id).isEmpty()
                    || ctx.operations().pending(CommandKind.RELEASE, id)
                    || ctx.risk().alarmed(id)
                    || node.health() == HealthStatus.FAILED
                    || node.health() == HealthStatus.REPAIRING) {
                continue;
            }
            if (ctx.operations().repairedSinceQuarantine(id)) {
                proposals.add(Proposal.onNode(kind(), CommandKind.RELEASE, id,
                        "node " + id + " was repaired after its quarantine", ctx.risk().reference(id)));
            } else if (ctx.operations().calmTicks(id) >= needed) {
                proposals.add(Proposal.onNode(kind(), CommandKind.RELEASE, id,
                        "failure probability of " + id + " stayed below " + ctx.settings().risk().releaseBelow()
                                + " for " + ctx.operations().calmTicks(id) + " consecutive ticks",
                        ctx.risk().reference(id)));
            }
        }
        return proposals;
    }
}
