package dev.foresight.producers.dataset.lanl;

import java.util.List;
import java.util.Locale;

/** Forward checks of failure laws as a text table, one row per system and fit. */
public final class ValidationTable {

    private ValidationTable() {
    }

    public static String render(List<SystemValidation> systems, double alpha) {
        StringBuilder out = new StringBuilder();
        String format = "%-6s %-14s %-19s %-19s %6s %9s  %8s %9s  %9s  %6s %9s  %s%n";
        out.append(String.format(Locale.ROOT, format, "system", "fitted on", "fit: shape, scale h", "later: shape, scale",
                "KS D", "KS p", "LR", "LR p", "change p", "O/E", "log-rank p", "verdict"));
        for (SystemValidation v : systems) {
            if (v.checks().isEmpty() || !v.notes().isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-6s %s%n", v.system(), String.join("; ", v.notes())));
            }
            for (ForwardCheck c : v.checks()) {
                out.append(String.format(Locale.ROOT, format, v.system(), c.fittedOn(), law(c.law()), law(v.later()),
                        String.format(Locale.ROOT, "%.3f", c.ksStatistic()), p(c.ksPValue()),
                        String.format(Locale.ROOT, "%.1f", c.lrStatistic()), p(c.lrPValue()), p(c.changePValue()),
                        String.format(Locale.ROOT, "%.2f", c.observed() / c.expected()), p(c.logRankPValue()), verdict(c, alpha)));
            }
        }
        return out.toString();
    }

    private static String verdict(ForwardCheck c, double alpha) {
        if (!c.mispredicts(alpha)) {
            return "holds";
        }
        String way = c.logRankPValue() < alpha ? (c.logRankZ() > 0 ? ", failures faster" : ", failures slower") : "";
        return (c.changed(alpha) ? "law changed" : "off by its own estimation error") + way;
    }

    private static String law(CensoredWeibull w) {
        return w == null ? "-" : String.format(Locale.ROOT, "%.3f, %.0f", w.shape(), w.scaleHours());
    }

    /** Below 1e-16, one minus a distribution function is rounding noise: such p-values are shown as a bound. */
    private static String p(double value) {
        if (value < 1e-16) {
            return "<1e-16";
        }
        return value < 1e-4 ? String.format(Locale.ROOT, "%.0e", value) : String.format(Locale.ROOT, "%.4f", value);
    }
}
