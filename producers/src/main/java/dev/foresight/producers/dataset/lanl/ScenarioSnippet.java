package dev.foresight.producers.dataset.lanl;

import java.util.Locale;

/**
 * The fitted laws of a system as scenario YAML, ready to paste: {@code failures.weibull} from the node
 * uptime law (the simulator draws each node's time to its next failure after a repair) and
 * {@code failures.repair} from the repair law.
 */
public final class ScenarioSnippet {

    private ScenarioSnippet() {
    }

    /** The snippet, or a YAML comment saying why there is none. */
    public static String yaml(SystemFailureLaws laws) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "# LANL system %s: %d outages on %d nodes over %.0f days (%.0f/year)%n",
                laws.system(), laws.outages(), laws.nodes(), laws.spanDays(), laws.failuresPerYear()));
        if (laws.nodeUptime() == null && laws.repair() == null) {
            return out.append("# too few failures to fit a law\n").toString();
        }
        out.append("failures:\n");
        if (laws.nodeUptime() != null) {
            WeibullEstimate w = laws.nodeUptime();
            out.append(String.format(Locale.ROOT, "  weibull: {shape: %.3f, scaleHours: %.1f}   # 95%%: shape %.3f-%.3f, scale %.1f-%.1f h%n",
                    w.shape(), w.scaleHours(), w.shapeLow(), w.shapeHigh(), w.scaleLowHours(), w.scaleHighHours()));
        }
        if (laws.repair() != null) {
            LogNormalEstimate r = laws.repair();
            out.append(String.format(Locale.ROOT, "  repair: {mu: %.3f, sigma: %.3f}   # ln(hours); median %.2f h, mean %.2f h%n",
                    r.mu(), r.sigma(), r.medianHours(), r.meanHours()));
        }
        return out.toString();
    }
}
