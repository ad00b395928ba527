package dev.foresight.experiments.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foresight.cluster.AccountingSnapshot;
import dev.foresight.cluster.AccountingSummary;
import dev.foresight.experiments.Policy;
import dev.foresight.experiments.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The end of an experiment: {@code summary.json} (machine-readable figures per policy) and
 * {@code report.html} (the same figures, charts and the first-order waste predictions), one
 * self-contained file a user can open or mail.
 */
public final class ExperimentReport {

    /**
     * Scenario facts the waste comparison needs.
     *
     * @param failures where the hardware failures came from, in words (drawn from the seed, or a replayed trace)
     */
    public record Context(String scenarioName, long seed, String engine, double nodeMtbfHours, int meanNodesPerJob,
                          double meanCheckpointCostSeconds, String failures) {}

    private final Context context;
    private final List<RunResult> runs;

    public ExperimentReport(Context context, List<RunResult> runs) {
        this.context = context;
        this.runs = List.copyOf(runs);
    }

    public Path writeSummaryJson(Path dir) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ObjectNode root = mapper.createObjectNode();
        root.put("scenario", context.scenarioName());
        root.put("seed", context.seed());
        root.put("engine", context.engine());
        root.put("failures", context.failures());
        ArrayNode policies = root.putArray("runs");
        for (RunResult run : runs) {
            ObjectNode n = policies.addObject();
            n.put("policy", run.label());
            figures(run).forEach(n::put);
            Map<String, Double> against = againstPeriodic(run);
            if (!against.isEmpty()) {
                against.forEach(n.putObject("differenceFromPeriodic")::put);
            }
            n.set("predictor", mapper.valueToTree(run.predictorQuality()));
            if (!run.initialModel().isEmpty()) {
                n.set("initialModel", mapper.valueToTree(new java.util.TreeMap<>(run.initialModel())));
            }
            n.set("recordCounts", mapper.valueToTree(run.recordCounts()));
            n.set("checksums", mapper.valueToTree(run.checksums()));
            n.put("recording", dir.relativize(run.recording()).toString());
            n.put("wallSeconds", run.wallSeconds());
        }
        ObjectNode predictions = root.putObject("wastePredictions");
        wastePredictions().forEach(predictions::put);
        Path file = dir.resolve("summary.json");
        try {
            Files.createDirectories(dir);
            mapper.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** The headline figures of one run, keyed as {@link Quantities} names them. */
    public static Map<String, Double> figures(RunResult run) {
        return figures(run.summary());
    }

    /** The figures of a run's accounting: what a sweep keeps of each run, so it needs no RunResult. */
    public static Map<String, Double> figures(AccountingSummary s) {
        AccountingSnapshot t = s.totals();
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("usefulCoreHours", t.usefulCoreSeconds() / 3600);
        f.put("lostCoreHours", t.lostCoreSeconds() / 3600);
        f.put("checkpointCoreHours", t.checkpointCoreSeconds() / 3600);
        f.put("migrationCoreHours", t.migrationCoreSeconds() / 3600);
        f.put("restartCoreHours", t.restartCoreSeconds() / 3600);
        f.put("wasteFraction", s.wasteFraction());
        f.put("energyKwh", t.energyKwh());
        f.put("meanPowerWatts", s.meanPowerWatts());
        f.put("meanUtilization", s.meanUtilization());
        f.put("highPriorityMeanWaitMinutes", s.highPriorityMeanWaitSeconds() / 60);
        f.put("failures", (double) t.failures());
        f.put("failuresWithVictims", (double) t.failuresWithVictims());
        f.put("vmsLost", (double) t.vmsLost());
        f.put("jobsCompleted", (double) t.jobsCompleted());
        f.put("migrationsCompleted", (double) t.migrationsCompleted());
        f.put("checkpointsCompleted", (double) t.checkpointsCompleted());
        f.put("quarantinedNodeHours", t.quarantinedNodeSeconds() / 3600);
        f.put("simulatedHours", s.simulatedHours());
        return f;
    }

    /**
     * Young/Daly and Aupy et al. first-order waste for this scenario, with the platform MTBF a job sees
     * ({@code node MTBF / nodes per job}) and each run's measured recall and precision.
     */
    Map<String, Double> wastePredictions() {
        Map<String, Double> p = new LinkedHashMap<>();
        double mtbf = context.nodeMtbfHours() * 3600 / Math.max(1, context.meanNodesPerJob());
        double c = context.meanCheckpointCostSeconds();
        if (mtbf > 0 && c > 0) {
            p.put("jobMtbfSeconds", mtbf);
            p.put("checkpointCostSeconds", c);
            p.put("youngIntervalSeconds", WasteModel.youngInterval(c, mtbf));
            p.put("youngDalyWaste", WasteModel.youngDalyWaste(c, WasteModel.youngInterval(c, mtbf), mtbf));
            for (RunResult run : runs) {
                Double recall = run.predictorQuality().get("recall");
                Double precision = run.predictorQuality().get("precision");
                if (recall != null && precision != null) {
                    p.put("aupyWaste." + run.label(), WasteModel.aupyWaste(c, mtbf, recall, precision, c));
                }
            }
        }
        return p;
    }

    /** The periodic run, the reference every other policy's net benefit is measured against. */
    private Optional<RunResult> periodic() {
        return runs.stream().filter(r -> r.policy() == Policy.PERIODIC).findFirst();
    }

    /** The headline figures of {@code run} minus the periodic run's; empty for the periodic run or without one. */
    private Map<String, Double> againstPeriodic(RunResult run) {
        Map<String, Double> d = new LinkedHashMap<>();
        periodic().filter(p -> p != run).ifPresent(p -> {
            Map<String, Double> mine = figures(run);
            Map<String, Double> reference = figures(p);
            Quantities.HEADLINE.forEach(k -> d.put(k, mine.get(k) - reference.get(k)));
        });
        return d;
    }

    public Path writeHtml(Path dir) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=en><head><meta charset=utf-8><title>Foresight report: ")
                .append(esc(context.scenarioName())).append("</title><style>").append(Html.STYLE)
                .append("</style></head><body>");
        html.append("<h1>Foresight experiment: ").append(esc(context.scenarioName())).append("</h1>");
        html.append("<p>seed ").append(context.seed()).append(", engine ").append(esc(context.engine()))
                .append(", failures ").append(esc(context.failures()))
                .append(". All runs share the seed, so the same hardware failures strike at the same times; ")
                .append("they differ only by the policy.</p>");
        appendNetBenefit(html);
        appendSummaryTable(html);
        appendWaste(html);
        appendPredictor(html);
        html.append("<h2>Charts</h2><div class=charts>");
        html.append(img(Charts.bars("Useful work", "core-hours", byRun(r -> r.summary().totals().usefulCoreSeconds() / 3600))));
        html.append(img(Charts.bars("Energy", "kWh", byRun(r -> r.summary().totals().energyKwh()))));
        html.append(img(Charts.bars("Lost work", "core-hours", byRun(r -> r.summary().totals().lostCoreSeconds() / 3600))));
        html.append(img(Charts.bars("Checkpoint + migration + restart overhead", "core-hours",
                byRun(r -> (r.summary().totals().checkpointCoreSeconds() + r.summary().totals().migrationCoreSeconds()
                        + r.summary().totals().restartCoreSeconds()) / 3600))));
        html.append(img(Charts.bars("High-priority mean wait", "minutes", byRun(r -> r.summary().highPriorityMeanWaitSeconds() / 60))));
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        runs.stream().filter(r -> !r.prCurve().isEmpty()).forEach(r -> curves.put(r.label(), r.prCurve()));
        if (!curves.isEmpty()) {
            html.append(img(Charts.lines("Precision-recall over node-ticks", "recall", "precision", curves)));
        }
        html.append(img(Charts.lines("Cumulative lost work", "simulated hours", "core-hours",
                timeline(s -> s.lostCoreSeconds() / 3600))));
        html.append(img(Charts.lines("Cluster power", "simulated hours", "kW", timeline(s -> s.powerWatts() / 1000))));
        html.append(img(Charts.lines("Cluster timeline: powered-on nodes", "simulated hours", "nodes", timeline(s -> s.poweredOnNodes()))));
        html.append(img(Charts.lines("Cluster timeline: failures so far", "simulated hours", "failures", timeline(s -> s.failures()))));
        html.append("</div></body></html>");
        Path file = dir.resolve("report.html");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Net benefit first: what each policy buys in useful work and costs in energy, next to the lost work it saves. */
    private void appendNetBenefit(StringBuilder html) {
        html.append("<h2>Net benefit against periodic checkpointing</h2>");
        if (periodic().isEmpty()) {
            html.append("<p>No periodic run in this experiment to measure against (add <code>periodic</code> to the policies).</p>");
            return;
        }
        if (runs.size() == 1) {
            html.append("<p>Only the periodic run: nothing to compare.</p>");
            return;
        }
        html.append("<table><tr><th>policy minus periodic</th>");
        Quantities.HEADLINE.forEach(k -> html.append("<th>").append(esc(Quantities.runLabel(k))).append("</th>"));
        html.append("</tr>");
        Map<String, Double> reference = figures(periodic().get());
        for (RunResult run : runs) {
            Map<String, Double> against = againstPeriodic(run);
            if (against.isEmpty()) {
                continue;
            }
            html.append("<tr><td>").append(esc(run.label())).append("</td>");
            against.forEach((k, d) -> html.append("<td>").append(signed(d))
                    .append(reference.get(k) == 0 ? "" : " (" + String.format(Locale.ROOT, "%+.1f %%", 100 * d / reference.get(k)) + ")")
                    .append("</td>"));
            html.append("</tr>");
        }
        html.append("</table><p>One seed: a single draw of the failures. Whether a difference holds across seeds is what ")
                .append("<code>foresight experiment sweep</code> measures (paired differences with confidence intervals).</p>");
    }

    /** Figure keys in the catalogue's order, then any figure the catalogue does not know yet. */
    private static List<String> displayOrder(Map<String, Double> figures) {
        List<String> keys = new ArrayList<>();
        Quantities.RUN.stream().map(Quantity::key).filter(figures::containsKey).forEach(keys::add);
        figures.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    private void appendSummaryTable(StringBuilder html) {
        html.append("<h2>Summary</h2><table><tr><th>figure</th>");
        runs.forEach(r -> html.append("<th>").append(esc(r.label())).append("</th>"));
        html.append("</tr>");
        for (String name : displayOrder(figures(runs.get(0)))) {
            html.append("<tr><td>").append(esc(Quantities.runLabel(name))).append("</td>");
            for (RunResult run : runs) {
                html.append("<td>").append(format(figures(run).get(name))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private void appendWaste(StringBuilder html) {
        Map<String, Double> predicted = wastePredictions();
        html.append("<h2>Measured waste against first-order models</h2>");
        if (predicted.isEmpty()) {
            html.append("<p>No checkpoint cost or MTBF known for this scenario.</p>");
            return;
        }
        html.append("<table><tr><th>quantity</th><th>value</th></tr>");
        predicted.forEach((k, v) -> html.append("<tr><td>").append(esc(wasteLabel(k))).append("</td><td>").append(format(v)).append("</td></tr>"));
        runs.forEach(r -> html.append("<tr><td>Measured waste, ").append(esc(r.label())).append(", share</td><td>")
                .append(format(r.summary().wasteFraction())).append("</td></tr>"));
        html.append("</table><p>Young/Daly: <i>C/T + T/(2M)</i> at <i>T = sqrt(2CM)</i>. Aupy et al.: ")
                .append("<i>C/T + (1-r)T/(2M) + rC<sub>p</sub>/(pM)</i> at <i>T = sqrt(2MC/(1-r))</i>, with the measured recall r ")
                .append("and precision p. M is the node MTBF divided by the nodes a job spans. These are first-order; ")
                .append("queueing, restarts and migration stalls add to the measured waste.</p>");
    }

    /** The waste models' quantities in words; {@link #wastePredictions()} keys them for summary.json. */
    static String wasteLabel(String key) {
        return switch (key) {
            case "jobMtbfSeconds" -> "MTBF a typical job sees (node MTBF over the nodes it spans), seconds";
            case "checkpointCostSeconds" -> "Checkpoint cost of a typical job, seconds";
            case "youngIntervalSeconds" -> "Young's checkpoint interval, seconds";
            case "youngDalyWaste" -> "Young/Daly first-order waste, share";
            default -> key.startsWith("aupyWaste.")
                    ? "Aupy et al. first-order waste with the recall and precision of " + key.substring("aupyWaste.".length()) + ", share"
                    : key;
        };
    }

    private void appendPredictor(StringBuilder html) {
        html.append("<h2>Predictor</h2>");
        boolean any = false;
        for (RunResult run : runs) {
            if (run.predictorQuality().isEmpty()) {
                continue;
            }
            any = true;
            html.append("<h3>").append(esc(run.label())).append("</h3>");
            if (!run.initialModel().isEmpty()) {
                html.append("<p>Started from model version 0: ");
                new java.util.TreeMap<>(run.initialModel()).forEach((k, v) -> html.append(esc(k)).append(" <code>").append(esc(v))
                        .append("</code>; "));
                html.append("the online trainer could replace it only with a model that beats it on held-out data.</p>");
            }
            html.append("<p>Learned against the ideal predictor (the true degradation of each coming failure, on the same"
                    + " node-ticks): every figure below is from the first tick a model was in effect.</p>");
            html.append("<table><tr><th>metric</th><th>value</th></tr>");
            // per-class counts have their own table below
            run.predictorQuality().entrySet().stream().filter(e -> !e.getKey().contains("."))
                    .forEach(e -> html.append("<tr><td>").append(esc(Quantities.predictorLabel(e.getKey()))).append("</td><td>")
                            .append(format(e.getValue())).append("</td></tr>"));
            html.append("</table>");
            FailureClassTable.append(html, run.judgedFailures());
        }
        if (!any) {
            html.append("<p>No run in this experiment acted on predictions.</p>");
        }
    }

    private Map<String, Double> byRun(ToDoubleFunction<RunResult> f) {
        Map<String, Double> m = new LinkedHashMap<>();
        runs.forEach(r -> m.put(r.label(), f.applyAsDouble(r)));
        return m;
    }

    private Map<String, List<double[]>> timeline(ToDoubleFunction<AccountingSnapshot> f) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (RunResult run : runs) {
            double hoursPerTick = run.summary().ticks() == 0 ? 0 : run.summary().simulatedHours() / run.summary().ticks();
            List<double[]> points = new ArrayList<>();
            int step = Math.max(1, run.timeline().size() / 500); // a chart needs no more than ~500 points
            for (int i = 0; i < run.timeline().size(); i += step) {
                AccountingSnapshot s = run.timeline().get(i);
                points.add(new double[] {(s.tick() + 1) * hoursPerTick, f.applyAsDouble(s)});
            }
            series.put(run.label(), points);
        }
        return series;
    }

    private static String img(String dataUri) {
        return Html.img(dataUri);
    }

    static String signed(double v) {
        return Html.signed(v);
    }

    static String format(Double v) {
        return Html.number(v);
    }

    static String esc(String s) {
        return Html.esc(s);
    }
}
