package dev.foresight.actuator;

import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.cluster.command.ClusterCommand;

/**
 * A decision released to the cluster.
 *
 * @param authority {@link Automation#AUTOMATIC} when the actuator acted alone,
 *     {@link Automation#APPROVE} when an operator approved it
 * @param tick the tick whose commands it belongs to: the decision's own tick, or for an approved
 *     command the tick it was released at (it takes effect at {@code tick + 1 + lag} like any other)
 */
public record IssuedCommand(Decision decision, Automation authority, long tick) {

    public ClusterCommand command() {
        return decision.toClusterCommand();
    }
}
