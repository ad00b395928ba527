package dev.foresight.experiments.sweep.summary;

import dev.foresight.experiments.report.Charts;
import dev.foresight.experiments.report.Html;
import dev.foresight.experiments.report.Quantities;
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
import java.util.Objects;

/**
 * A sweep's {@code report.html}: the net benefit against the reference first (useful work, energy, lost
 * work), then every other figure, each with the paired difference of every policy (mean, paired-t and
 * bootstrap intervals, wins) and a plot of the differences seed by seed; the predictor's figures; the
 * method. Drawn from the {@link SweepSummary} alone.
 */
public final class SweepReport {

    public static final String FILE = "report.html";

    private final SweepSummary summary;

    public SweepReport(SweepSummary summary) {
        this.summary = summary;
    }

    public Path write(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.writeString(file, html(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    String html() {
        SweepHeader h = summary.header();
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=en><head><meta charset=utf-8><title>Foresight sweep: ").append(Html.esc(h.scenario()))
                .append("</title><style>").append(Html.STYLE).append("</style></head><body>");
        html.append("<h1>Foresight sweep: ").append(Html.esc(h.scenario())).append("</h1>");
        html.append("<p>").append(h.seeds().size()).append(" seed").append(h.seeds().size() == 1 ? "" : "s").append(" (")
                .append(SeedText.describe(h.seeds())).append("), policies ").append(Html.esc(String.join(", ", h.policies())))
                .append(", ").append(Html.esc(h.engine())).append(" engine, ")
                .append(String.format(Locale.ROOT, "%.0f", h.simulatedHours())).append(" simulated hours per run, failures ")
                .append(Html.esc(h.failures())).append(", consolidation ").append(h.consolidation() ? "on" : "off")
                .append(", prediction horizon ").append(h.horizonTicks()).append(" ticks. Under each seed every policy meets ")
                .append("the same hardware failures (common random numbers), so a policy's figure minus ")
                .append(Html.esc(h.reference())).append("'s under that seed is the policy's doing; the seeds are the sample.</p>");
        List<MetricComparison> headline = new ArrayList<>();
        List<MetricComparison> others = new ArrayList<>();
        for (MetricComparison m : summary.metrics()) {
            (Quantities.HEADLINE.contains(m.key()) ? headline : others).add(m);
        }
        html.append("<h2>Net benefit against ").append(Html.esc(h.reference())).append("</h2>");
        appendDifferences(html, headline);
        html.append("<div class=charts>");
        headline.forEach(m -> appendChart(html, m));
        html.append("</div>");
        html.append("<h2>Every other figure</h2>");
        appendDifferences(html, others);
        html.append("<div class=charts>");
        others.forEach(m -> appendChart(html, m));
        html.append("</div>");
        appendPredictor(html);
        appendSeeds(html, headline);
        appendMethod(html);
        html.append("</body></html>");
        return html.toString();
    }

    private void appendDifferences(StringBuilder html, List<MetricComparison> metrics) {
        SweepHeader h = summary.header();
        String confidence = String.format(Locale.ROOT, "%.0f %%", 100 * h.confidence());
        html.append("<table><tr><th>figure</th><th>policy</th><th>mean per seed</th><th>mean difference from ")
                .append(Html.esc(h.reference())).append("</th><th>").append(confidence).append(" interval, paired t</th><th>")
                .append(confidence).append(" interval, bootstrap</th><th>better in</th></tr>");
        for (MetricComparison m : metrics) {
            for (PolicyFigures p : m.policies()) {
                PairedDifference d = p.differenceFromReference();
                html.append("<tr><td>").append(Html.esc(m.label())).append("</td><td>").append(Html.esc(p.policy())).append("</td><td>")
                        .append(Intervals.brief(p.mean())).append("</td>");
                if (d == null) {
                    html.append("<td colspan=4>(the reference)</td>");
                } else {
                    html.append("<td>").append(Intervals.signed(d.mean())).append("</td><td>").append(Html.esc(Intervals.interval(d.pairedT())))
                            .append("</td><td>").append(Html.esc(Intervals.interval(d.bootstrap()))).append("</td><td>")
                            .append(Intervals.wins(d)).append("</td>");
                }
                html.append("</tr>");
            }
        }
        html.append("</table>");
    }

    /** Differences seed by seed, one series per policy; none when no policy moved the figure under any seed. */
    private void appendChart(StringBuilder html, MetricComparison m) {
        SweepHeader h = summary.header();
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        boolean moved = false;
        for (PolicyFigures p : m.policies()) {
            if (p.differenceFromReference() == null) {
                continue;
            }
            List<double[]> points = new ArrayList<>();
            List<Double> d = p.differenceFromReference().bySeed();
            for (int i = 0; i < d.size(); i++) {
                if (d.get(i) != null) {
                    points.add(new double[] {h.seeds().get(i), d.get(i)});
                    moved |= d.get(i) != 0;
                }
            }
            series.put(p.policy() + " minus " + h.reference(), points);
        }
        if (moved) {
            String unit = m.unit().isEmpty() ? "" : ", " + m.unit();
            html.append(Html.img(Charts.bySeed(m.label(), "seed", "difference from " + h.reference() + unit, series)));
        }
    }

    private void appendPredictor(StringBuilder html) {
        html.append("<h2>Predictor</h2>");
        if (summary.predictor().isEmpty()) {
            html.append("<p>No policy of this sweep acted on predictions.</p>");
            return;
        }
        html.append("<table><tr><th>figure</th><th>policy</th><th>mean per seed</th><th>lowest</th><th>highest</th><th>seeds</th></tr>");
        for (MetricComparison m : summary.predictor()) {
            for (PolicyFigures p : m.policies()) {
                List<Double> values = p.bySeed().stream().filter(Objects::nonNull).toList();
                html.append("<tr><td>").append(Html.esc(m.label())).append("</td><td>").append(Html.esc(p.policy())).append("</td><td>")
                        .append(Intervals.brief(p.mean())).append("</td><td>")
                        .append(Intervals.brief(values.stream().min(Double::compare).orElse(null))).append("</td><td>")
                        .append(Intervals.brief(values.stream().max(Double::compare).orElse(null))).append("</td><td>")
                        .append(values.size()).append("</td></tr>");
            }
        }
        html.append("</table><p>Unpaired: ").append(Html.esc(summary.header().reference()))
                .append(" makes no predictions. A seed without an alarm (precision) or without a failure (recall) has no value.</p>");
    }

    private void appendSeeds(StringBuilder html, List<MetricComparison> headline) {
        SweepHeader h = summary.header();
        html.append("<h2>Seed by seed</h2><table><tr><th>seed</th>");
        for (MetricComparison m : headline) {
            html.append("<th>").append(Html.esc(m.label())).append(": ").append(Html.esc(String.join(" / ", h.policies()))).append("</th>");
        }
        html.append("</tr>");
        for (int i = 0; i < h.seeds().size(); i++) {
            html.append("<tr><td>").append(h.seeds().get(i)).append("</td>");
            for (MetricComparison m : headline) {
                List<String> values = new ArrayList<>();
                for (String policy : h.policies()) {
                    values.add(Intervals.brief(m.policy(policy).bySeed().get(i)));
                }
                html.append("<td>").append(String.join(" / ", values)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table><p>Every figure of every run: <code>seeds.csv</code>; the statistics: <code>summary.csv</code> and ")
                .append("<code>summary.json</code>.</p>");
    }

    private void appendMethod(StringBuilder html) {
        SweepHeader h = summary.header();
        html.append("<h2>Method</h2><p>For each seed and figure, the difference d = policy - ").append(Html.esc(h.reference()))
                .append(". Mean difference over the seeds with its ").append(String.format(Locale.ROOT, "%.0f", 100 * h.confidence()))
                .append(" % confidence interval two ways: Student's paired t (mean +- t &middot; s/&radic;n, n - 1 degrees of ")
                .append("freedom) and the percentile bootstrap (").append(String.format(Locale.ROOT, "%,d", h.bootstrapResamples()))
                .append(" resamples of the seeds with replacement, generator seeded with ").append(h.bootstrapSeed())
                .append(", so the interval is the same every time). One seed gives no interval; with few seeds the bootstrap ")
                .append("interval is too narrow, which is why the t interval leads. \"Better in\" counts the seeds where the ")
                .append("policy did strictly better by the figure's own direction (more useful work, less energy, less lost work, ...); ")
                .append("ties are not wins, and figures no policy should move (failures, migrations, checkpoints) have none. ")
                .append("Code fingerprint ").append(Html.esc(h.code().substring(0, Math.min(12, h.code().length()))))
                .append(", scenario digest ").append(Html.esc(h.scenarioSha256().substring(0, Math.min(12, h.scenarioSha256().length()))))
                .append(".</p>");
    }
}
