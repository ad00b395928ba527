package dev.foresight.experiments.sweep.summary;

import java.util.Locale;

/** Numbers of a sweep as tables print them: a few significant digits, intervals in brackets. */
final class Intervals {

    private Intervals() {}

    /** "65,661", "12.3", "0.042": enough digits to compare, not so many that the noise reads as signal. */
    static String brief(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        double a = Math.abs(v);
        String text = String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 1 ? "%,.1f" : a == 0 ? "%.0f" : "%.3f", v);
        return text.equals("-0") ? "0" : text;
    }

    static String signed(Double v) {
        String text = brief(v);
        return v != null && v > 0 && !text.equals("0") ? "+" + text : text;
    }

    static String interval(Interval i) {
        return i.defined() ? "[" + signed(i.low()) + ", " + signed(i.high()) + "]" : "undefined (" + i.undefinedBecause() + ")";
    }

    static String wins(PairedDifference d) {
        return d.wins() == null ? "–" : d.wins() + " of " + d.seeds();
    }
}
