package dev.foresight.producers.dataset.lanl;

import java.util.List;
import java.util.Locale;

/** Fitted failure laws as a text table, one system per row. */
public final class FailureLawTable {

    private FailureLawTable() {
    }

    public static String render(List<SystemFailureLaws> systems) {
        StringBuilder out = new StringBuilder();
        String format = "%-6s %7s %7s %6s %6s %7s  %-33s %8s  %-33s  %-22s %8s%n";
        out.append(String.format(Locale.ROOT, format, "system", "records", "outages", "nodes", "days", "fail/yr",
                "node uptime shape [95% CI]", "scale h", "system gap shape [95% CI]", "repair mu, sigma ln(h)", "median h"));
        for (SystemFailureLaws s : systems) {
            out.append(String.format(Locale.ROOT, format, s.system(), s.records(), s.outages(), s.nodes(),
                    String.format(Locale.ROOT, "%.0f", s.spanDays()), String.format(Locale.ROOT, "%.0f", s.failuresPerYear()),
                    shape(s.nodeUptime()), s.nodeUptime() == null ? "-" : String.format(Locale.ROOT, "%.0f", s.nodeUptime().scaleHours()),
                    shape(s.systemGaps()),
                    s.repair() == null ? "-" : String.format(Locale.ROOT, "%.2f, %.2f", s.repair().mu(), s.repair().sigma()),
                    s.repair() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.repair().medianHours())));
        }
        return out.toString();
    }

    private static String shape(WeibullEstimate w) {
        if (w == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]%s (n=%d)", w.shape(), w.shapeLow(), w.shapeHigh(),
                w.decreasingHazard() ? "<1" : "", w.n());
    }
}
