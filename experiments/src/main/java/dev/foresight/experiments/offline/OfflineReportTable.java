package dev.foresight.experiments.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** An {@link OfflineReport} as a text table: one column per horizon, one row per figure. */
public final class OfflineReportTable {

    private OfflineReportTable() {
    }

    public static String render(OfflineReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "recording  %s (%s, %s), tick %s, %d nodes, %d failures", r.recording(), r.name(), r.policy(), r.tick(),
                r.nodes(), r.failures());
        line(out, "features   %d per window: metrics %s over windows %s; %d windows (one every %d tick(s))", r.features(),
                r.metrics(), r.windows(), r.windowsExtracted(), r.labelEveryTicks());
        line(out, "weights    healthy nodes x%s, failed nodes x%s%s", trim(r.sampling().healthyNodeWeight()),
                trim(r.sampling().failedNodeWeight()), r.sampling().unweighted() ? " (unweighted)" : " (undoes the dataset's sampling)");
        line(out, "model      %s; threshold calibrated for precision >= %.2f on the validation slice", r.model(), r.targetPrecision());
        out.append('\n');
        List<HorizonResult> h = r.horizons();
        List<String[]> rows = new ArrayList<>();
        rows.add(row("", h, x -> "H=" + x.horizon()));
        rows.add(row("split", h, x -> x.split().kind()));
        rows.add(row("train windows (failures)", h, x -> x.split().train().examples() + " (" + x.split().train().failures() + ")"));
        rows.add(row("validation windows (failures)", h, x -> x.split().validation().examples() + " (" + x.split().validation().failures() + ")"));
        rows.add(row("test windows (failures)", h, x -> x.split().test().examples() + " (" + x.split().test().failures() + ")"));
        rows.add(row("test nodes", h, x -> Integer.toString(x.split().test().nodes())));
        rows.add(row("base rate = constant PR-AUC", h, x -> f(x.baselinePrAuc(), 5)));
        rows.add(row("PR-AUC (x base rate)", h, x -> f(x.test().prAuc(), 4) + " (x" + f(x.prAucLift(), 1) + ")"));
        rows.add(row("ROC-AUC", h, x -> f(x.test().rocAuc(), 3)));
        rows.add(row("threshold", h, x -> f(x.calibration().threshold(), 4)
                + (x.calibration().strategy().name().equals("TARGET_PRECISION") ? "" : " (max F1)")));
        rows.add(row("precision", h, x -> f(x.test().precision(), 3)));
        rows.add(row("recall", h, x -> f(x.test().recall(), 3)));
        rows.add(row("F1", h, x -> f(x.test().f1(), 3)));
        for (int i = 0; i < (h.isEmpty() ? 0 : h.get(0).recallAtPrecision().size()); i++) {
            int k = i;
            rows.add(row(String.format(Locale.ROOT, "recall @ precision %.2f", h.get(0).recallAtPrecision().get(k).precision()), h,
                    x -> f(x.recallAtPrecision().get(k).recall(), 3)));
        }
        rows.add(row("FDR: failed nodes flagged", h, x -> x.nodes().detectedNodes() + "/" + x.nodes().failedNodes()
                + " = " + f(x.nodes().fdr(), 3)));
        rows.add(row("FAR: healthy nodes flagged", h, x -> x.nodes().flaggedHealthyNodes() + "/" + x.nodes().healthyNodes()
                + " = " + f(x.nodes().far(), 4)));
        rows.add(row("lead time p50 [min-max]", h, x -> x.leadTimes().p50() == null ? "-"
                : f(x.leadTimes().p50(), 1) + " [" + f(x.leadTimes().min(), 1) + "-" + f(x.leadTimes().max(), 1) + "] "
                        + (x.leadTimes().unit().equals("days") ? "d" : "min")));
        rows.add(row("false alarms / node-day", h, x -> f(x.test().falseAlarmsPerNodeDay(), 5)));
        rows.add(row("Brier raw / calibrated (constant)", h, x -> f(x.probabilities().brierRaw(), 6) + " / "
                + f(x.probabilities().brierCalibrated(), 6) + " (" + f(x.probabilities().brierConstant(), 6) + ")"));
        rows.add(row("mean probability raw / calibrated (base rate)", h, x -> f(x.probabilities().meanRaw(), 5) + " / "
                + f(x.probabilities().meanCalibrated(), 5) + " (" + f(x.probabilities().baseRate(), 5) + ")"));
        rows.add(row("failures: detected / all (announced)", h, x -> x.events().atThreshold().detected() + "/"
                + x.events().atThreshold().failures() + " (" + x.events().atThreshold().announcedDetected() + "/"
                + x.events().atThreshold().announcedFailures() + ")"));
        rows.add(row("alarm episodes: precision", h, x -> x.events().atThreshold().episodes() + ": "
                + f(x.events().atThreshold().precision(), 3)));
        rows.add(row("episode-level false alarms / node-day", h, x -> f(x.events().atThreshold().falseAlarmsPerNodeDay(), 4)));
        rows.add(row(String.format(Locale.ROOT, "best announced recall @ episode P>=%.2f, FA<=%.2f/node-day",
                TARGET_PRECISION, TARGET_FA), h, x -> point(x.events().atTarget())));
        if (h.stream().anyMatch(x -> !Double.isNaN(x.events().idealPrAuc()))) {
            rows.add(row("ideal predictor: PR-AUC (learned share)", h, x -> f(x.events().idealPrAuc(), 4) + " ("
                    + f(x.test().prAuc() / x.events().idealPrAuc(), 2) + ")"));
            rows.add(row("ideal predictor: best announced recall", h, x -> point(x.events().idealAtTarget())));
        }
        table(out, rows);
        out.append('\n');
        line(out, "calibrated = a Platt scale fitted on the validation slice (or the model file's own); it is monotone, so PR-AUC, "
                + "ROC-AUC, recall at a precision and the alarms do not depend on it");
        for (HorizonResult x : h) {
            line(out, "H=%s split: %s %s; cuts %s; embargo %s", x.horizon(), x.split().kind(), x.split().reason(), x.split().cuts(),
                    x.split().embargo());
        }
        for (HorizonResult x : h) {
            if (!x.counterRules().isEmpty()) {
                out.append('\n').append(counterRules(x));
            }
        }
        for (HorizonResult x : h) {
            if (x.categories() != null) {
                out.append('\n').append(categories(x));
            }
        }
        return out.toString();
    }

    /** The one-counter rules on the same test windows, with failures caught per category where failures have one. */
    static String counterRules(HorizonResult x) {
        StringBuilder out = new StringBuilder();
        line(out, "H=%s, one-counter rules on the same test windows (alarm while the counter increased within the longest "
                + "window; detected = alarm at least the minimum lead before the failure): what the model has to beat", x.horizon());
        List<String> categories = new ArrayList<>();
        x.counterRules().forEach(r -> r.byCategory().keySet().stream().filter(c -> !categories.contains(c)).forEach(categories::add));
        List<String> head = new ArrayList<>(List.of("counter", "detected (announced)", "episodes: precision", "false alarms / node-day"));
        categories.forEach(c -> head.add(c + " caught"));
        List<String[]> rows = new ArrayList<>();
        rows.add(head.toArray(String[]::new));
        for (CounterRule r : x.counterRules()) {
            var p = r.events();
            List<String> row = new ArrayList<>(List.of(r.metric(), p.detected() + "/" + p.failures() + " (" + p.announcedDetected()
                    + "/" + p.announcedFailures() + ")", p.episodes() + ": " + f(p.precision(), 3), f(p.falseAlarmsPerNodeDay(), 4)));
            for (String c : categories) {
                CounterRule.Caught caught = r.byCategory().get(c);
                row.add(caught == null ? "-" : caught.detected() + "/" + caught.failures());
            }
            rows.add(row.toArray(String[]::new));
        }
        table(out, rows);
        return out.toString();
    }

    /** Failure-level recall per category: every failure of the test nodes and period, with or without a window. */
    static String categories(HorizonResult x) {
        CategoryReport c = x.categories();
        StringBuilder out = new StringBuilder();
        line(out, "H=%s, failures by category (test nodes and period; detected = alarm at least %s before the failure)%s", x.horizon(),
                c.minLead(), c.silentNodeScore() == null ? "" : String.format(Locale.ROOT, "; a node without telemetry scores %.4f, %s",
                        c.silentNodeScore(), c.silentNodeAlarms() ? "AT OR ABOVE the threshold: silent nodes would alarm" : "below the threshold"));
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("category", "failures", "with a window", "warned in H", "detected", "recall",
                "lead p50"));
        List<CategoryRecall> cats = c.categories();
        int fixed = cats.isEmpty() ? 0 : cats.get(0).atPrecision().size();
        for (int k = 0; k < fixed; k++) {
            head.add(String.format(Locale.ROOT, "recall @ P %.2f", cats.get(0).atPrecision().get(k).precision()));
        }
        rows.add(head.toArray(String[]::new));
        for (CategoryRecall r : cats) {
            List<String> row = new ArrayList<>(List.of(r.category(), Integer.toString(r.failures()),
                    r.withWindow() + " (" + f(r.withWindowShare(), 2) + ")", r.warned() + " (" + f(r.warnedShare(), 2) + ")",
                    Integer.toString(r.detected()), f(r.recall(), 3), r.leadP50Minutes() == null ? "-" : f(r.leadP50Minutes(), 0) + " min"));
            r.atPrecision().forEach(a -> row.add(Double.isNaN(a.threshold()) ? "- (never reached)" : f(a.recall(), 3)));
            rows.add(row.toArray(String[]::new));
        }
        table(out, rows);
        return out.toString();
    }

    private static final double TARGET_PRECISION = OfflineEvaluation.TARGET_EPISODE_PRECISION;
    private static final double TARGET_FA = OfflineEvaluation.TARGET_FALSE_ALARMS_PER_NODE_DAY;

    /** Announced recall, threshold, lead p50 and false alarms of a target point, or that none reached it. */
    private static String point(dev.foresight.predictor.evaluation.FailureDetection.Point p) {
        if (p == null) {
            return "not reached";
        }
        return f(p.announcedRecall(), 3) + " (t " + f(p.threshold(), 3) + ", lead p50 "
                + (p.medianLeadMillis() == null ? "-" : f(p.medianLeadMillis() / 60_000.0, 0) + " min") + ", FA "
                + f(p.falseAlarmsPerNodeDay(), 3) + ")";
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(pad(row[0], width[0]));
            for (int c = 1; c < row.length; c++) {
                line.append("  ").append(pad(row[c], width[c]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String[] row(String name, List<HorizonResult> h, Function<HorizonResult, String> cell) {
        String[] row = new String[h.size() + 1];
        row[0] = name;
        for (int i = 0; i < h.size(); i++) {
            row[i + 1] = cell.apply(h.get(i));
        }
        return row;
    }

    private static String f(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
