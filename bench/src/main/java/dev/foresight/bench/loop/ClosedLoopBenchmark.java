package dev.foresight.bench.loop;

import dev.foresight.cluster.Scenario;
import dev.foresight.cluster.TickReport;
import dev.foresight.experiments.Engine;
import dev.foresight.experiments.ExperimentListener;
import dev.foresight.experiments.ExperimentOptions;
import dev.foresight.experiments.ExperimentRunner;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How long a simulated day takes in closed loop, on either engine, through {@code ExperimentRunner} (what
 * {@code foresight experiment run --engine kafka|inprocess} runs): the PROACTIVE policy, i.e. the whole
 * pipeline (simulator, Streams topology with training and scoring, actuator), lockstep, recorded.
 *
 * <p>The rate is taken in steady state: from the end of tick {@code warmUpTicks} to the end of the last tick
 * (topic creation, Streams start-up and the first ticks' JIT are left out), then scaled to a day of ticks. A
 * day of one-minute ticks holds 24 training decisions; a run shorter than a day holds proportionally fewer only
 * if it spans training ticks in proportion, so runs should cover a multiple of the training period (60 ticks).
 */
public final class ClosedLoopBenchmark {

    /** One engine's run. */
    public record EngineRun(Engine engine, int nodes, long ticks, long warmUpTicks, long tickSeconds, double wallSeconds,
                            double steadySeconds) {

        /** Wall seconds per simulated day, in steady state. */
        public double secondsPerSimulatedDay() {
            return steadySeconds / (ticks - 1 - warmUpTicks) * (86_400.0 / tickSeconds);
        }

        public String describe() {
            return nodes + " nodes x " + ticks + " ticks of " + tickSeconds + " s (" + engine.name().toLowerCase(java.util.Locale.ROOT)
                    + ", PROACTIVE), steady state after tick " + warmUpTicks + "; whole run " + Math.round(wallSeconds) + " s";
        }
    }

    private ClosedLoopBenchmark() {}

    /**
     * Runs the scaled default scenario on one engine.
     *
     * @param kafka client properties of the cluster (ignored by the in-process engine)
     * @param out   where the recording goes
     */
    public static EngineRun run(Engine engine, Map<String, Object> kafka, int nodes, long ticks, long warmUpTicks,
                                int partitions, Path out) throws Exception {
        if (warmUpTicks < 0 || warmUpTicks >= ticks - 1) {
            throw new IllegalArgumentException("warm-up must leave ticks to measure: " + warmUpTicks + " of " + ticks);
        }
        Scenario scenario = BenchScenarios.scaledDefault(nodes, ticks);
        long[] marks = new long[2];
        ExperimentOptions options = ExperimentOptions.defaults(out).withPolicies(List.of(Policy.PROACTIVE))
                .withEngine(engine).withKafka(kafka).withPartitions(engine == Engine.INPROCESS ? 1 : partitions);
        ExperimentRunner runner = new ExperimentRunner(options).addListener(new ExperimentListener() {
            @Override
            public void onTick(String label, TickReport report) {
                if (report.tick() == warmUpTicks) {
                    marks[0] = System.nanoTime();
                } else if (report.tick() == ticks - 1) {
                    marks[1] = System.nanoTime();
                }
            }
        });
        RunResult result = runner.run(scenario, scenario.seed()).runs().get(0);
        return new EngineRun(engine, nodes, ticks, warmUpTicks, scenario.tickSeconds(), result.wallSeconds(),
                (marks[1] - marks[0]) / 1e9);
    }
}
