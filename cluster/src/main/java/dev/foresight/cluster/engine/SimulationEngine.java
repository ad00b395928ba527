package dev.foresight.cluster.engine;

import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.AccountingSummary;
import dev.foresight.cluster.FailureForecast;
import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TelemetrySample;
import dev.foresight.cluster.TickReport;
import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.cost.CostModels;
import dev.foresight.cluster.failure.FailureEvent;
import dev.foresight.cluster.failure.FailureProcess;
import dev.foresight.cluster.telemetry.TelemetryGenerator;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.view.NodeView;
import dev.foresight.cluster.workload.JobSpec;
import dev.foresight.cluster.workload.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs the cluster tick by tick. Internal: use {@link dev.foresight.cluster.ClusterSimulation}.
 *
 * <p>One tick, in order: commands due, repairs, hardware failures, ends of boots and shutdowns,
 * job arrivals, scheduling, migrations, job progress (stalls, restores, checkpoints, compute),
 * then power, energy and telemetry, and the report.
 */
public final class SimulationEngine {

    private final Scenario scenario;
    private final long seed;
    private final long epochMillis;
    private final ClusterState state;
    private final FailureProcess failures;
    private final Workload workload;
    private final Accounting accounting = new Accounting();
    private final TelemetryGenerator telemetry;
    private final JobLifecycle lifecycle;
    private final CommandProcessor commands;
    private final FailureHandler failureHandler;
    private final PowerTransitions powerTransitions;
    private final SchedulingStep scheduling;
    private final MigrationRunner migrationRunner;
    private final JobRunner jobRunner;
    private final NodeMeter meter;
    private final ViewBuilder views;
    private final TreeMap<Long, List<ClusterCommand>> scheduled = new TreeMap<>();
    private TickContext next;

    public SimulationEngine(Scenario scenario, long seed, FailureProcess failures, Workload workload, CostModels models) {
        this.scenario = scenario;
        this.seed = seed;
        this.epochMillis = scenario.startEpochMillis();
        this.state = new ClusterState(scenario);
        this.failures = failures;
        this.workload = workload;
        this.telemetry = scenario.telemetry().enabled() ? new TelemetryGenerator(scenario, seed) : null;
        this.lifecycle = new JobLifecycle(state, accounting, models.checkpoints());
        this.commands = new CommandProcessor(state, lifecycle, models.migrations());
        this.failureHandler = new FailureHandler(state, failures, lifecycle, accounting);
        this.powerTransitions = new PowerTransitions(state);
        this.scheduling = new SchedulingStep(state, lifecycle, models.checkpoints());
        this.migrationRunner = new MigrationRunner(state, lifecycle, accounting);
        this.jobRunner = new JobRunner(state, lifecycle, accounting, models.checkpoints());
        this.meter = new NodeMeter(state, models.power(), failures, telemetry, accounting);
        this.views = new ViewBuilder(state, failures);
        this.next = context(0);
    }

    private TickContext context(long tick) {
        return new TickContext(tick, scenario.tickSeconds(), epochMillis);
    }

    public TickReport advance() {
        TickContext ctx = next;
        applyDueCommands(ctx);
        failureHandler.repairs(ctx);
        failureHandler.failures(ctx);
        powerTransitions.run(ctx);
        for (JobSpec spec : workload.arrivalsUpTo(ctx.startSeconds)) {
            lifecycle.submit(spec, ctx);
        }
        scheduling.run(ctx);
        migrationRunner.run(ctx);
        jobRunner.run(ctx);
        List<TelemetrySample> samples = meter.run(ctx);
        countQueue(ctx);
        List<NodeView> nodeStates = views.nodes(ctx.endSeconds);
        AccountingSnapshot snapshot = accounting.snapshot(ctx.tick);
        next = context(ctx.tick + 1);
        return new TickReport(ctx.tick, ctx.timeMillis, samples, ctx.events, nodeStates, ctx.outcomes, snapshot);
    }

    private void applyDueCommands(TickContext ctx) {
        while (!scheduled.isEmpty() && scheduled.firstKey() <= ctx.tick) {
            for (ClusterCommand command : scheduled.pollFirstEntry().getValue()) {
                commands.apply(command, ctx);
            }
        }
    }

    private void countQueue(TickContext ctx) {
        int running = 0;
        for (Job job : state.jobs.values()) {
            if (job.placed()) {
                running++;
            }
        }
        for (Job job : state.queue) {
            if (job.spec.priority() > 0) {
                accounting.highPriorityWaitSeconds += ctx.seconds();
            }
        }
        accounting.queuedJobs = state.queue.size();
        accounting.runningJobs = running;
        accounting.ticks++;
    }

    /** Applied at the start of tick {@code applyAtTick} (the next tick if that one has passed). */
    public void submit(ClusterCommand command, long applyAtTick) {
        scheduled.computeIfAbsent(Math.max(applyAtTick, next.tick), t -> new ArrayList<>()).add(command);
    }

    /** Applies now, between ticks; the outcome is also reported in the next tick's report. */
    public CommandOutcome apply(ClusterCommand command) {
        return commands.apply(command, next);
    }

    public ClusterView view() {
        return views.cluster(next.tick, epochMillis + next.tick * scenario.tickSeconds() * 1000, scenario.tickSeconds());
    }

    /** The next tick to run (= ticks run so far). */
    public long tick() {
        return next.tick;
    }

    /**
     * Per node (in index order), the true severity of its coming failure's precursor at the end of the last tick
     * run: 0 for a healthy node or a sudden failure, rising to 1 at the failure. Benign anomalies are not in it.
     */
    public double[] failingSeverities() {
        double at = next.tick * (double) scenario.tickSeconds();
        double[] severities = new double[state.nodes.length];
        for (Node node : state.nodes) {
            severities[node.index] = failures.failingSeverityAt(node.index, at);
        }
        return severities;
    }

    public List<FailureForecast> upcomingFailures(long horizonTicks) {
        List<FailureForecast> forecasts = new ArrayList<>();
        long dt = scenario.tickSeconds();
        for (Node node : state.nodes) {
            FailureEvent event = failures.next(node.index);
            if (event == null) {
                continue;
            }
            long failTick = Math.max(next.tick, tickOf(event.failAtSeconds(), dt));
            if (failTick < next.tick + horizonTicks) {
                long degradationTick = Math.min(failTick, Math.max(0, tickOf(event.degradationStartSeconds(), dt)));
                forecasts.add(new FailureForecast(node.id, failTick, event.failureClass(), event.announced(), degradationTick));
            }
        }
        forecasts.sort(Comparator.comparingLong(FailureForecast::failTick).thenComparing(FailureForecast::nodeId));
        return forecasts;
    }

    /** The tick whose window (k*dt, (k+1)*dt] holds time t. */
    private static long tickOf(double t, long dt) {
        return Math.max(0, (long) Math.ceil(t / dt) - 1);
    }

    public AccountingSummary summary() {
        AccountingSnapshot totals = accounting.snapshot(next.tick - 1);
        double hours = next.tick * scenario.tickSeconds() / 3600.0;
        double meanWatts = hours > 0 ? totals.energyKwh() * 1000 / hours : 0;
        double utilization = accounting.ticks > 0 ? accounting.busyCoreTicks / accounting.ticks / scenario.totalCores() : 0;
        return new AccountingSummary(scenario.name(), seed, next.tick, hours, totals, meanWatts, utilization,
                accounting.highPriorityStarts);
    }

    public String fingerprint() {
        return StateFingerprint.of(next.tick, state, accounting, failures, telemetry, scheduled);
    }

    public List<String> invariantViolations() {
        return Invariants.violations(state);
    }
}
