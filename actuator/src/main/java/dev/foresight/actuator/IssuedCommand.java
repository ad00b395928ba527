package dev.foresight.actuator;

import dev.foresight.actuator.policy.Decision;
import dev.foresight.actuator.settings.Automation;
import dev.foresight.cluster.command.ClusterCommand;

/**
 * A decision released to the cluster.
 *
 * @param authority {@link Automation#AUTOMATIC} when the actuator acted alone,
 *     {@link Automation#APPROVE} when an operator approved it
 */
public record IssuedCommand(Decision decision, Automation authority) {

    public ClusterCommand command() {
        return decision.toClusterCommand();
    }
}
