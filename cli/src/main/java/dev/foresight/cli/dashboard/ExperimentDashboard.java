package dev.foresight.cli.dashboard;

import dev.foresight.cli.metrics.ComponentMetrics;
import dev.foresight.cluster.NodeEventRecord;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.experiments.ExperimentListener;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import dev.foresight.experiments.report.ExperimentReport;
import dev.foresight.producers.sim.AvroMapping;
import dev.foresight.schemas.codec.AvroTrust;
import dev.foresight.schemas.topics.TopicCatalogue;
import dev.foresight.schemas.topics.TopicRole;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a {@link DashboardState} from a running experiment: the cluster's nodes, events, command outcomes
 * and accounting from the simulator's tick reports, and what the pipeline decides (predictions, commands,
 * model releases) from the run's own topics, as they are committed. Each policy run replaces the last on
 * the page; finished runs stay listed for comparison.
 */
public final class ExperimentDashboard implements ExperimentListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentDashboard.class);

    /** What the simulator's reports do not carry. */
    static final Set<TopicRole> FOLLOWED = Collections.unmodifiableSet(EnumSet.of(TopicRole.PREDICTIONS, TopicRole.COMMANDS, TopicRole.MODELS));

    private final DashboardState state;
    private TopicFollower follower;

    public ExperimentDashboard(DashboardState state) {
        AvroTrust.ensure(); // the mapped records' builders load enum defaults through Avro
        this.state = state;
    }

    @Override
    public synchronized void onRunStarted(Policy policy, String label, Scenario scenario, TopicCatalogue topics,
                                          Map<String, Object> kafka) {
        try {
            stopFollowing();
            state.startRun(label, scenario.name());
            if (!kafka.isEmpty()) {
                // the dashboard watches the pipeline; its reads are not pipeline traffic for the metrics
                follower = TopicFollower.start(ComponentMetrics.uninstrumented(kafka), topics, FOLLOWED, state,
                        "foresight-dashboard-" + label);
            }
        } catch (RuntimeException e) {
            LOG.warn("dashboard cannot follow run {}: {}", label, e.toString(), e);
        }
    }

    @Override
    public void onTick(String label, TickReport report) {
        try {
            long tick = report.tick();
            for (NodeView node : report.nodeStates()) {
                state.node(AvroMapping.state(node, tick, report.timeMillis()));
            }
            for (NodeEventRecord event : report.events()) {
                state.nodeEvent(AvroMapping.event(event, tick));
            }
            for (CommandOutcome outcome : report.outcomes()) {
                state.commandResult(AvroMapping.result(outcome, report.timeMillis()));
            }
            state.accounting(report.accounting());
        } catch (RuntimeException e) {
            LOG.warn("dashboard skipped tick {} of {}: {}", report.tick(), label, e.toString());
        }
    }

    @Override
    public void onRunFinished(RunResult result) {
        try {
            state.runFinished(result.label(), ExperimentReport.figures(result));
        } catch (RuntimeException e) {
            LOG.warn("dashboard cannot summarise {}: {}", result.label(), e.toString());
        }
    }

    private void stopFollowing() {
        if (follower != null) {
            follower.close();
            follower = null;
        }
    }

    @Override
    public synchronized void close() {
        stopFollowing();
    }
}
