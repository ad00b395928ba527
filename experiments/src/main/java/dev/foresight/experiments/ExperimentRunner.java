package dev.foresight.experiments;

import dev.foresight.broker.EmbeddedKafkaBroker;
import dev.foresight.cluster.Scenario;
import dev.foresight.experiments.report.ExperimentReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every policy of an experiment on the same scenario and seed, records each run, and writes the
 * comparison report. Layout of the output directory:
 * <pre>
 *   OUT/summary.json, OUT/report.html
 *   OUT/runs/&lt;policy&gt;/{telemetry,node-events,predictions,commands,command-results}.avro, manifest.json
 * </pre>
 */
public final class ExperimentRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    /** Everything an experiment produced. */
    public record Outcome(List<RunResult> runs, Path summaryJson, Path reportHtml) {}

    private static final java.util.concurrent.atomic.AtomicInteger RUN_COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    private final ExperimentOptions options;
    private final KafkaPolicyRun.ControlPlaneFactory planes;
    private final List<ExperimentListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ExperimentRunner(ExperimentOptions options) {
        this(options, new ControlPlanes(options));
    }

    ExperimentRunner(ExperimentOptions options, KafkaPolicyRun.ControlPlaneFactory planes) {
        this.options = options;
        this.planes = planes;
    }

    public ExperimentRunner addListener(ExperimentListener listener) {
        listeners.add(listener);
        return this;
    }

    public Outcome run(Scenario scenario, long seed) throws InterruptedException, TimeoutException {
        ExperimentOptions options = forSeed(scenario, seed, this.options.policies());
        Path out = options.outputDir();
        try {
            Files.createDirectories(out.resolve("runs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + out + ": " + e.getMessage(), e);
        }
        List<RunResult> results = new ArrayList<>();
        EmbeddedKafkaBroker broker = null;
        Map<String, Object> kafka = options.kafka();
        try {
            if (options.engine() == Engine.INPROCESS) {
                for (Policy policy : options.policies()) {
                    RunResult result = new InProcessPolicyRun(options, listeners).run(scenario, seed, policy,
                            out.resolve("runs").resolve(policy.label()));
                    listeners.forEach(l -> l.onRunFinished(result));
                    results.add(result);
                }
                return report(scenario, seed, results);
            }
            if (kafka.isEmpty()) {
                broker = EmbeddedKafkaBroker.start();
                kafka = broker.clientProperties();
            }
            // Topic names must not collide with earlier experiments on a shared cluster; they never reach the recording.
            String runId = "fx" + Long.toString(System.currentTimeMillis(), 36) + Integer.toString(RUN_COUNTER.incrementAndGet(), 36);
            for (Policy policy : options.policies()) {
                Path runDir = out.resolve("runs").resolve(policy.label());
                LOG.info("running {} on {} (seed {})", policy.label(), scenario.name(), seed);
                // the default planes build the learned predictor from the options: give them this seed's starting model
                KafkaPolicyRun.ControlPlaneFactory runPlanes = planes instanceof ControlPlanes ? new ControlPlanes(options) : planes;
                RunResult result = new KafkaPolicyRun(options, runPlanes, listeners).run(scenario, seed, policy, kafka, runDir, runId);
                listeners.forEach(l -> l.onRunFinished(result));
                results.add(result);
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        return report(scenario, seed, results);
    }

    /**
     * One policy of one seed on the in-process engine, recorded into {@code runDir}, without the experiment's
     * summary and report: the unit of work of a sweep, which reports over many seeds itself. The engine and
     * the policies of the options are ignored; each call builds its own loop, so calls may run in parallel.
     */
    public RunResult runInProcess(Scenario scenario, long seed, Policy policy, Path runDir)
            throws InterruptedException, TimeoutException {
        RunResult result = new InProcessPolicyRun(forSeed(scenario, seed, List.of(policy)), listeners).run(scenario, seed, policy, runDir);
        listeners.forEach(l -> l.onRunFinished(result));
        return result;
    }

    /**
     * The options with the learned predictor's starting model resolved: the history model when history is asked for
     * and a learned policy runs (one history per scenario, trained once), else as given.
     */
    private ExperimentOptions forSeed(Scenario scenario, long seed, List<Policy> policies)
            throws InterruptedException, TimeoutException {
        if (options.initialModel() != null || options.historyDays() == 0 || !policies.contains(Policy.PROACTIVE)) {
            return options;
        }
        return options.withInitialModel(HistoryModels.forRun(scenario, options.historyDays(), options.horizonTicks(),
                options.historyCache(), line -> {
                    LOG.info(line);
                    if (options.showProgress()) {
                        System.err.println(line);
                    }
                }));
    }

    private Outcome report(Scenario scenario, long seed, List<RunResult> results) {
        Path out = options.outputDir();
        ExperimentReport report = new ExperimentReport(ReportContexts.of(scenario, seed, options.engine(), options.failures()), results);
        Path summary = report.writeSummaryJson(out);
        Path html = report.writeHtml(out);
        return new Outcome(results, summary, html);
    }
}
