package dev.foresight.actuator.policy;

import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.actuator.settings.PolicyKind;
import dev.foresight.cluster.command.CommandKind;
import dev.foresight.cluster.view.HealthStatus;
import dev.foresight.cluster.view.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gives back the nodes this actuator quarantined. A quarantine acts on one prediction (probability p
 * of a failure within its horizon H), and ends:
 * <ul>
 *   <li>at once after a repair (new hardware, fresh start);</li>
 *   <li>when H has passed since that prediction without a failure: the prediction was wrong, and
 *       keeping the node out any longer would rest on nothing (whatever newer predictions say: the
 *       guardrails' cool-down then keeps it in service for a while, so a model that keeps misjudging
 *       one node cannot hold it for ever);</li>
 *   <li>early, once the predictor has called the node calm (probability below {@code releaseFraction}
 *       of its model's alarm threshold, no alarm) for {@code releaseAfterTicks} consecutive ticks. The
 *       bound sits below the threshold and a single non-calm prediction restarts the count: together
 *       that hysteresis stops a node whose risk hovers near the threshold from flapping.</li>
 * </ul>
 * Only quarantines this actuator opened are released; an operator's quarantine stays.
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
        double demand = ActionEconomics.demandShare(ctx);
        for (NodeView node : ctx.index().nodes()) {
            String id = node.nodeId();
            var since = ctx.operations().quarantinedSince(id);
            if (!node.quarantined()
                    || since.isEmpty()
                    || ctx.operations().pending(CommandKind.RELEASE, id)
                    || node.health() == HealthStatus.FAILED
                    || node.health() == HealthStatus.REPAIRING) {
                continue;
            }
            Optional<NodeRisk> basis = ctx.operations().quarantineBasis(id);
            double horizon = basis.map(b -> b.horizonSeconds(fallbackHorizon(ctx))).orElse(fallbackHorizon(ctx));
            long expiresAt = expiryTick(basis.map(NodeRisk::tick).orElse(since.getAsLong()), horizon, ctx.tickSeconds());
            String why = null;
            if (ctx.operations().repairedSinceQuarantine(id)) {
                why = "node " + id + " was repaired after its quarantine";
            } else if (ctx.tick() >= expiresAt) {
                why = String.format(Locale.ROOT, "no failure within the horizon H = %.0f s of the prediction it acted on (%s): "
                        + "expired at tick %d", horizon, basis.map(NodeRisk::reference).orElse("unknown"), expiresAt);
            } else if (!ctx.risk().alarmed(id) && ctx.operations().calmTicks(id) >= needed) {
                why = String.format(Locale.ROOT, "failure probability of %s stayed below %.3f (%.2f x its model's threshold) "
                        + "for %d consecutive ticks", id, ctx.risk().releaseBound(id), ctx.settings().risk().releaseFraction(),
                        ctx.operations().calmTicks(id));
            }
            if (why != null) {
                Economics economics = ActionEconomics.release(ctx.risk().probability(id), horizon, node.cores(), demand);
                proposals.add(Proposal.onNode(kind(), CommandKind.RELEASE, id, why + "; " + economics.describe(),
                        ctx.risk().reference(id)).withEconomics(economics));
            }
        }
        return proposals;
    }

    private static double fallbackHorizon(PlanningContext ctx) {
        return ctx.settings().risk().fallbackHorizonSeconds();
    }

    /** The first tick at which H has passed since the prediction of {@code predictionTick}. */
    static long expiryTick(long predictionTick, double horizonSeconds, long tickSeconds) {
        return predictionTick + (long) Math.ceil(horizonSeconds / tickSeconds);
    }
}
