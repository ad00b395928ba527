package dev.foresight.experiments.report;

import dev.foresight.experiments.JudgedFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's failures by failure class: how many the alarms caught, with what lead, and the lead-time histogram stacked
 * by class. Classes differ in how early they can be seen (a memory failure's correctable errors climb for hours, a
 * fan's temperature for minutes, a software crash not at all), so one recall over all of them hides where a
 * predictor is weak.
 */
final class FailureClassTable {

    /** Bin widths a histogram may use, in minutes: the smallest that gives at most {@link #MAX_BINS} bins. */
    private static final double[] BIN_MINUTES = {1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440};
    private static final int MAX_BINS = 12;

    private FailureClassTable() {}

    static void append(StringBuilder html, List<JudgedFailure> judged) {
        if (judged.isEmpty()) {
            return;
        }
        Map<String, List<JudgedFailure>> byClass = new TreeMap<>();
        judged.forEach(f -> byClass.computeIfAbsent(f.cause(), k -> new ArrayList<>()).add(f));
        html.append("<h4>By failure class</h4><table><tr><th>failure class</th><th>failures</th>")
                .append("<th>with a precursor (the ideal predictor saw it)</th><th>caught</th><th>recall</th>")
                .append("<th>recall of those with a precursor</th><th>median lead, minutes</th></tr>");
        byClass.forEach((cause, failures) -> row(html, cause, failures));
        row(html, "all", judged);
        html.append("</table>");
        Map<String, Map<String, Double>> histogram = histogram(byClass);
        if (!histogram.isEmpty()) {
            html.append(Html.img(Charts.stackedBars("Lead time of caught failures, by failure class", "minutes before the failure",
                    "failures", histogram)));
        }
    }

    private static void row(StringBuilder html, String cause, List<JudgedFailure> failures) {
        long caught = failures.stream().filter(JudgedFailure::caught).count();
        long announced = failures.stream().filter(f -> Boolean.TRUE.equals(f.announced())).count();
        long announcedCaught = failures.stream().filter(f -> Boolean.TRUE.equals(f.announced()) && f.caught()).count();
        boolean knowsAnnounced = failures.stream().anyMatch(f -> f.announced() != null);
        html.append("<tr><td>").append(Html.esc(cause)).append("</td><td>").append(failures.size()).append("</td><td>")
                .append(knowsAnnounced ? Long.toString(announced) : Html.number(null)).append("</td><td>").append(caught).append("</td><td>")
                .append(Html.number((double) caught / failures.size())).append("</td><td>")
                .append(knowsAnnounced && announced > 0 ? Html.number((double) announcedCaught / announced) : Html.number(null))
                .append("</td><td>").append(Html.number(JudgedFailure.medianLead(failures))).append("</td></tr>");
    }

    /** Caught failures per lead-time bin ("10-20"), one series per class, every bin present in every series. */
    static Map<String, Map<String, Double>> histogram(Map<String, List<JudgedFailure>> byClass) {
        double longest = byClass.values().stream().flatMap(List::stream).filter(JudgedFailure::caught)
                .mapToDouble(JudgedFailure::leadMinutes).max().orElse(-1);
        if (longest < 0) {
            return Map.of();
        }
        double width = BIN_MINUTES[BIN_MINUTES.length - 1];
        for (double w : BIN_MINUTES) {
            if (Math.floor(longest / w) + 1 <= MAX_BINS) {
                width = w;
                break;
            }
        }
        int bins = (int) Math.floor(longest / width) + 1;
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (var entry : byClass.entrySet()) {
            Map<String, Double> counts = new LinkedHashMap<>();
            for (int b = 0; b < bins; b++) {
                counts.put(binLabel(b, width), 0.0);
            }
            boolean any = false;
            for (JudgedFailure f : entry.getValue()) {
                if (f.caught()) {
                    counts.merge(binLabel((int) Math.floor(f.leadMinutes() / width), width), 1.0, Double::sum);
                    any = true;
                }
            }
            if (any) {
                series.put(entry.getKey(), counts);
            }
        }
        return series;
    }

    private static String binLabel(int bin, double width) {
        return Html.number(bin * width) + "-" + Html.number((bin + 1) * width);
    }
}
