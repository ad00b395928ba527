package dev.foresight.experiments.sweep.summary;

import dev.foresight.experiments.report.Quantities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headline of a sweep as Markdown, for the README: each policy's paired difference from the reference
 * on useful work, energy and lost work (mean, 95 % paired-t interval, wins), then those figures seed by
 * seed. Drawn from the summary alone, so the same summary always prints the same table.
 */
public final class MarkdownTable {

    private MarkdownTable() {}

    public static String render(SweepSummary summary) {
        SweepHeader h = summary.header();
        List<MetricComparison> headline = new ArrayList<>();
        Quantities.HEADLINE.forEach(k -> summary.metric(k).ifPresent(headline::add));
        StringBuilder md = new StringBuilder();
        md.append("| ").append(h.policies().size() > 1 ? "policy minus " + h.reference() : "policy").append(" |");
        headline.forEach(m -> md.append(' ').append(m.label()).append(" |"));
        md.append('\n').append("| --- |".repeat(1)).append(" --- |".repeat(headline.size())).append('\n');
        for (String policy : h.policies()) {
            if (policy.equals(h.reference())) {
                continue;
            }
            md.append("| ").append(policy).append(" |");
            for (MetricComparison m : headline) {
                PairedDifference d = m.policy(policy).differenceFromReference();
                md.append(' ').append(Intervals.signed(d.mean())).append(' ').append(Intervals.interval(d.pairedT()))
                        .append(", better in ").append(Intervals.wins(d)).append(" |");
            }
            md.append('\n');
        }
        md.append("| ").append(h.reference()).append(", mean per seed |");
        headline.forEach(m -> md.append(' ').append(Intervals.brief(m.policy(h.reference()).mean())).append(" |"));
        md.append("\n\n");

        md.append("| seed |");
        headline.forEach(m -> md.append(' ').append(m.label()).append(": ").append(String.join(" / ", h.policies())).append(" |"));
        md.append('\n').append("| --- |").append(" --- |".repeat(headline.size())).append('\n');
        for (int i = 0; i < h.seeds().size(); i++) {
            md.append("| ").append(h.seeds().get(i)).append(" |");
            for (MetricComparison m : headline) {
                List<String> values = new ArrayList<>();
                for (String policy : h.policies()) {
                    values.add(Intervals.brief(m.policy(policy).bySeed().get(i)));
                }
                md.append(' ').append(String.join(" / ", values)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n').append(String.format(Locale.ROOT,
                "Scenario %s, %d seed%s (%s), %s engine, %.0f simulated hours per run%s. Differences are the policy's figure minus "
                        + "%s's under the same seed (same failures); brackets: %.0f %% paired-t interval over the seeds; "
                        + "\"better in\": seeds where the policy did strictly better. Bootstrap intervals and every other "
                        + "figure: the sweep's report.html and summary.csv.%n",
                h.scenario(), h.seeds().size(), h.seeds().size() == 1 ? "" : "s", SeedText.describe(h.seeds()), h.engine(), h.simulatedHours(),
                h.consolidation() ? ", consolidation on" : "", h.reference(), 100 * h.confidence()));
        return md.toString();
    }
}
