package dev.foresight.actuator;

import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.risk.NodeRisk;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.ClusterView;
import java.util.List;

/**
 * What the actuator decides one tick from.
 *
 * @param view the cluster as of the tick
 * @param predictions the latest prediction of each node (older ones are ignored by age)
 * @param approvals operators' answers received since the previous tick
 * @param outcomes the cluster's reports on earlier commands received since the previous tick; they go
 *     to the audit trail only (decisions rest on the view, which is read in lockstep)
 */
public record TickInput(ClusterView view, List<NodeRisk> predictions, List<Approval> approvals, List<CommandOutcome> outcomes) {

    public TickInput {
        predictions = List.copyOf(predictions);
        approvals = List.copyOf(approvals);
        outcomes = List.copyOf(outcomes);
    }

    public static TickInput of(ClusterView view, List<NodeRisk> predictions) {
        return new TickInput(view, predictions, List.of(), List.of());
    }
}
