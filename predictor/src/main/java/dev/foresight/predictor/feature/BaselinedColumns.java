package dev.foresight.predictor.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A window's columns as the features see them through the node's {@link NodeBaselines}: each baseline's residual
 * in place of a column of its own, context-only readings hidden. Residuals are computed over the slots one
 * extraction reads, once.
 */
final class BaselinedColumns implements Columns {

    private final Columns raw;
    private final NodeBaselines baselines;
    private final int from;
    private final int to;
    private final Map<String, double[]> residuals = new HashMap<>();
    private final Map<String, Integer> residualIndex = new HashMap<>();
    private final String[] metrics;

    BaselinedColumns(Columns raw, NodeBaselines baselines, int from, int to) {
        this.raw = raw;
        this.baselines = baselines;
        this.from = from;
        this.to = to;
        List<String> visible = new ArrayList<>();
        for (String metric : raw.metrics()) {
            if (baselines.spec().isFeature(metric)) {
                visible.add(metric);
            }
        }
        List<LoadBaseline> specs = baselines.spec().baselines();
        for (int b = 0; b < specs.size(); b++) {
            // a residual exists wherever its target is measured in the window, even before the fit is ready (then it is
            // NaN): an open vocabulary must not freeze a model's columns without it
            if (measured(raw.column(specs.get(b).target()), from, to)) {
                visible.add(specs.get(b).residualName());
                residualIndex.put(specs.get(b).residualName(), b);
            }
        }
        this.metrics = visible.stream().sorted().distinct().toArray(String[]::new);
    }

    private static boolean measured(double[] column, int from, int to) {
        for (int i = from; column != null && i < to; i++) {
            if (Double.isFinite(column[i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long[] times() {
        return raw.times();
    }

    @Override
    public double[] column(String metric) {
        Integer b = residualIndex.get(metric);
        if (b != null) {
            return residuals.computeIfAbsent(metric, m -> baselines.residuals(b, raw, from, to));
        }
        return Arrays.binarySearch(metrics, metric) >= 0 ? raw.column(metric) : null;
    }

    @Override
    public String[] metrics() {
        return metrics;
    }

    @Override
    public int firstAfter(long time) {
        return raw.firstAfter(time);
    }

    /** Whether a residual counts as present in an open vocabulary whatever its values. */
    boolean alwaysPresent(String metric) {
        return residualIndex.containsKey(metric);
    }
}
