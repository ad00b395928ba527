package dev.foresight.predictor.feature;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples held column-wise: one array of times and, per metric, one array of values parallel to it
 * (NaN where a sample lacks the metric). Feature extraction reads every retained value of every
 * metric once per telemetry record; from primitive columns that is a tight loop, where walking each
 * sample's map of boxed values was the topology's hottest path.
 *
 * <p>Live slots are {@code [start, end)}; every slot outside them holds NaN, so an append only writes
 * the metrics the sample has. Appending is amortised O(metrics); dropping the oldest samples is O(1)
 * until the arrays are compacted. Mutable, not thread-safe.
 */
final class SampleColumns implements Columns {

    private static final int INITIAL_CAPACITY = 16;

    private long[] times = new long[INITIAL_CAPACITY];
    private final Map<String, double[]> values = new HashMap<>();
    /** The metric names, sorted; null after a new metric arrives until next asked for. */
    private String[] sortedMetrics = new String[0];
    private int start;
    private int end;

    /** Columns of samples given in non-decreasing time order. */
    static SampleColumns of(List<Sample> samples) {
        SampleColumns columns = new SampleColumns();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            if (!columns.isEmpty() && sample.timeMillis() < columns.times[columns.end - 1]) {
                throw new IllegalArgumentException("samples out of time order at index " + i + ": "
                        + sample.timeMillis() + " after " + columns.times[columns.end - 1]);
            }
            columns.append(sample);
        }
        return columns;
    }

    /** Adds a sample no older than the newest one held. */
    void append(Sample sample) {
        if (end == times.length) {
            makeRoom();
        }
        times[end] = sample.timeMillis();
        for (Map.Entry<String, Double> metric : sample.metrics().entrySet()) {
            double[] column = values.get(metric.getKey());
            if (column == null) {
                column = nanArray(times.length);
                values.put(metric.getKey(), column);
                sortedMetrics = null;
            }
            column[end] = metric.getValue();
        }
        end++;
    }

    /** Forgets the {@code count} oldest samples. */
    void dropOldest(int count) {
        if (count < 0 || count > size()) {
            throw new IllegalArgumentException("cannot drop " + count + " of " + size() + " samples");
        }
        for (double[] column : values.values()) {
            Arrays.fill(column, start, start + count, Double.NaN);
        }
        start += count;
    }

    int size() {
        return end - start;
    }

    boolean isEmpty() {
        return end == start;
    }

    /** Absolute slot of the first live sample; slots run up to {@link #end()}. */
    int start() {
        return start;
    }

    int end() {
        return end;
    }

    @Override
    public long[] times() {
        return times;
    }

    /** A metric's column (indexed by absolute slot), or null if no held sample ever had it. */
    @Override
    public double[] column(String metric) {
        return values.get(metric);
    }

    /** Every metric seen since the columns were last compacted, sorted. */
    @Override
    public String[] metrics() {
        if (sortedMetrics == null) {
            sortedMetrics = values.keySet().stream().sorted().toArray(String[]::new);
        }
        return sortedMetrics;
    }

    /** First slot whose time is strictly after {@code time} (end if none). */
    @Override
    public int firstAfter(long time) {
        int low = start;
        int high = end;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] <= time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Shifts the live slots to the front, or grows the arrays when more than half are live. */
    private void makeRoom() {
        int live = size();
        int capacity = live * 2 > times.length ? times.length * 2 : times.length;
        // metrics no live sample has any more would otherwise be carried along forever by an open vocabulary
        values.entrySet().removeIf(column -> !hasFinite(column.getValue(), start, end));
        sortedMetrics = null;
        times = Arrays.copyOf(Arrays.copyOfRange(times, start, end), capacity);
        for (Map.Entry<String, double[]> column : values.entrySet()) {
            double[] moved = nanArray(capacity);
            System.arraycopy(column.getValue(), start, moved, 0, live);
            column.setValue(moved);
        }
        start = 0;
        end = live;
    }

    private static boolean hasFinite(double[] column, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Double.isFinite(column[i])) {
                return true;
            }
        }
        return false;
    }

    private static double[] nanArray(int length) {
        double[] array = new double[length];
        Arrays.fill(array, Double.NaN);
        return array;
    }
}
