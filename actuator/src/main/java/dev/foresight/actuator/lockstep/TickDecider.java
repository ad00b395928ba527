package dev.foresight.actuator.lockstep;

import dev.foresight.actuator.Actuator;
import dev.foresight.actuator.TickDecisions;
import dev.foresight.actuator.TickInput;
import dev.foresight.actuator.approval.Approval;
import dev.foresight.actuator.memory.ActuatorMemory;
import dev.foresight.actuator.settings.ActuatorSettings;
import dev.foresight.actuator.view.ClusterViewAssembler;
import dev.foresight.actuator.view.JobHistory;
import dev.foresight.actuator.view.LatestInputs;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.schemas.NodeState;
import dev.foresight.schemas.Prediction;
import java.util.List;

/**
 * One tick's decision from the records of that tick: the latest node states and predictions are
 * applied, the cluster view is assembled, the actuator decides. The Kafka app feeds it from the
 * tick barrier; the in-process engine feeds it directly. One code path, so both engines decide alike.
 */
public final class TickDecider {

    private final ActuatorSettings settings;
    private final Actuator actuator;
    private final LatestInputs inputs;
    private final JobHistory jobs;

    public TickDecider(ActuatorSettings settings) {
        this(settings, new Actuator(settings), new LatestInputs(), new JobHistory());
    }

    /** Resumes from saved memory, inputs and job history (a restarted or rewound actuator). */
    public TickDecider(ActuatorSettings settings, ActuatorMemory memory, LatestInputs inputs, JobHistory jobs) {
        this(settings, new Actuator(settings, memory), inputs, jobs);
    }

    private TickDecider(ActuatorSettings settings, Actuator actuator, LatestInputs inputs, JobHistory jobs) {
        this.settings = settings;
        this.actuator = actuator;
        this.inputs = inputs;
        this.jobs = jobs;
    }

    public void apply(NodeState state) {
        inputs.apply(state);
    }

    public void removeNode(String nodeId) {
        inputs.removeNode(nodeId);
    }

    public void apply(Prediction prediction) {
        inputs.apply(prediction);
    }

    /** The last tick decided, -1 before the first. */
    public long lastDecidedTick() {
        return actuator.memory().lastDecidedTick();
    }

    /**
     * Decides {@code tick} from everything applied so far.
     *
     * @param timeMillis the tick's time (from its markers), or negative to take the newest node state's
     */
    public TickDecisions decide(long tick, long timeMillis, List<Approval> approvals, List<CommandOutcome> outcomes) {
        long time = timeMillis >= 0 ? timeMillis : latestStateTime();
        jobs.observe(tick, inputs.nodeStates());
        ClusterView view = ClusterViewAssembler.assemble(tick, time, settings.tickSeconds(), inputs.nodeStates(), jobs);
        return actuator.decide(new TickInput(view, inputs.risks(), approvals, outcomes));
    }

    public long latestStateTime() {
        return inputs.nodeStates().stream().mapToLong(s -> s.getTimestamp().toEpochMilli()).max().orElse(0);
    }

    public ActuatorMemory memory() {
        return actuator.memory();
    }

    public LatestInputs inputs() {
        return inputs;
    }

    public JobHistory jobs() {
        return jobs;
    }
}
