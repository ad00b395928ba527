package dev.foresight.cluster;

import dev.foresight.cluster.command.ClusterCommand;
import dev.foresight.cluster.command.CommandOutcome;
import dev.foresight.cluster.cost.CostModels;
import dev.foresight.cluster.engine.SimulationEngine;
import dev.foresight.cluster.failure.FailureProcess;
import dev.foresight.cluster.view.ClusterView;
import dev.foresight.cluster.workload.JobSpec;
import dev.foresight.cluster.workload.SyntheticWorkload;
import dev.foresight.cluster.workload.TraceWorkload;
import dev.foresight.cluster.workload.Workload;
import java.util.List;
import java.util.Objects;

/**
 * A simulated virtualized HPC cluster, advanced one tick at a time. Deterministic: the same
 * scenario, seed (and traces) and the same commands at the same ticks give identical reports.
 *
 * <p>Hardware failures are drawn per node from the seed alone, before anything else happens, so
 * commands never change which failures happen or when (common random numbers across policies).
 *
 * <pre>{@code
 * ClusterSimulation sim = ClusterSimulation.create(ScenarioLoader.builtIn("small"), 42);
 * while (!sim.finished()) {
 *     TickReport report = sim.advance();
 *     // publish report.telemetry(), decide, then sim.submit(command, report.tick() + 1 + lag)
 * }
 * AccountingSummary summary = sim.summary();
 * }</pre>
 */
public final class ClusterSimulation {

    private final Scenario scenario;
    private final SimulationEngine engine;

    private ClusterSimulation(Scenario scenario, SimulationEngine engine) {
        this.scenario = scenario;
        this.engine = engine;
    }

    /** Drawn failures and the synthetic workload. */
    public static ClusterSimulation create(Scenario scenario, long seed) {
        return builder(scenario).seed(seed).build();
    }

    /** Failures replayed from a trace, synthetic workload. */
    public static ClusterSimulation create(Scenario scenario, long seed, FailureTrace trace) {
        return builder(scenario).seed(seed).failureTrace(trace).build();
    }

    public static Builder builder(Scenario scenario) {
        return new Builder(scenario);
    }

    /** Options beyond the scenario: seed, traces, cost models. */
    public static final class Builder {
        private final Scenario scenario;
        private long seed;
        private FailureTrace failureTrace;
        private List<JobSpec> jobTrace;
        private CostModels models;

        private Builder(Scenario scenario) {
            this.scenario = Objects.requireNonNull(scenario, "scenario").validated();
            this.seed = scenario.seed();
        }

        /** Overrides the scenario's seed. */
        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /** Replay these failures instead of drawing them. */
        public Builder failureTrace(FailureTrace trace) {
            this.failureTrace = trace;
            return this;
        }

        /** Run these jobs instead of the synthetic workload. */
        public Builder jobTrace(List<JobSpec> jobs) {
            this.jobTrace = List.copyOf(jobs);
            return this;
        }

        /** Replace the power, checkpoint or migration cost models. */
        public Builder models(CostModels customModels) {
            this.models = customModels;
            return this;
        }

        public ClusterSimulation build() {
            FailureProcess failures = failureTrace == null
                    ? FailureProcess.drawn(scenario, seed)
                    : FailureProcess.replayed(scenario, seed, failureTrace);
            Workload workload = jobTrace == null ? new SyntheticWorkload(scenario, seed) : new TraceWorkload(jobTrace);
            CostModels chosen = models == null ? CostModels.defaults(scenario) : models;
            return new ClusterSimulation(scenario, new SimulationEngine(scenario, seed, failures, workload, chosen));
        }
    }

    /**
     * Runs one tick: commands due, repairs and failures, boots and shutdowns, arrivals, scheduling,
     * migrations, job progress, then energy and telemetry. Ticks past {@link #finished()} may still
     * be run; the scenario's duration is advice to drivers.
     */
    public TickReport advance() {
        return engine.advance();
    }

    /**
     * Queues a command for the start of tick {@code applyAtTick} (commands for one tick apply in
     * submission order; a tick already run means the next one). Its outcome is in that tick's report.
     */
    public void submit(ClusterCommand command, long applyAtTick) {
        engine.submit(Objects.requireNonNull(command, "command"), applyAtTick);
    }

    /**
     * Queues a command decided after tick {@code decidedAtTick}, honouring the scenario's actuation
     * lag: it applies at {@code decidedAtTick + 1 + actuationLagTicks}.
     */
    public void submitDecided(ClusterCommand command, long decidedAtTick) {
        submit(command, decidedAtTick + 1 + scenario.actuationLagTicks());
    }

    /**
     * Validates and applies a command now, between ticks. A REJECTED outcome leaves the state exactly
     * as it was. The outcome is also listed in the next tick's report.
     */
    public CommandOutcome apply(ClusterCommand command) {
        return engine.apply(Objects.requireNonNull(command, "command"));
    }

    /** The cluster as it is now, at the start of tick {@link #tick()}. */
    public ClusterView view() {
        return engine.view();
    }

    /** The next tick to run, which is also the number of ticks run. */
    public long tick() {
        return engine.tick();
    }

    public boolean finished() {
        return engine.tick() >= scenario.durationTicks();
    }

    /**
     * Ground truth for the ideal predictor: per node, in the scenario's node order, the true severity of the
     * precursor of its coming failure now (0 when none shows; benign anomalies excluded). What a perfect reading
     * of the degradation would give, without knowing when the failure comes.
     */
    public double[] failingSeverities() {
        return engine.failingSeverities();
    }

    /**
     * Ground truth: each node's next hardware failure if it falls within the next
     * {@code horizonTicks} ticks, by fail tick then node id. For the oracle-predictor baseline.
     */
    public List<FailureForecast> upcomingFailures(long horizonTicks) {
        return engine.upcomingFailures(horizonTicks);
    }

    public AccountingSummary summary() {
        return engine.summary();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** SHA-256 of the complete state: equal fingerprints mean identical futures under identical commands. */
    public String fingerprint() {
        return engine.fingerprint();
    }

    /** Broken consistency rules (VM in two places, capacity exceeded, ...); empty when all is well. */
    public List<String> invariantViolations() {
        return engine.invariantViolations();
    }
}
