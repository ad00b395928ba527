package dev.foresight.experiments.report;

import java.util.Locale;

/** Text in the reports: escaping, and numbers as people read them (thousands separated, few decimals). */
public final class Html {

    /** The reports' look, shared so that an experiment's report and a sweep's read alike. */
    public static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;max-width:1400px;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
            + "th:first-child,td:first-child{text-align:left}.charts img{margin:4px;border:1px solid #eee}";

    private Html() {}

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** "1,234", "1,234.57", "0.1234"; a dash for no value. */
    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.format(Locale.ROOT, "%,d", v.longValue());
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.4f" : "%,.2f", v);
    }

    /** As {@link #number}, with a plus sign on gains, for differences. */
    public static String signed(Double v) {
        String plain = number(v);
        return v != null && v > 0 ? "+" + plain : plain;
    }

    /** An image of a chart, from {@link Charts}. */
    public static String img(String dataUri) {
        return "<img alt=chart src=\"" + dataUri + "\">";
    }
}
