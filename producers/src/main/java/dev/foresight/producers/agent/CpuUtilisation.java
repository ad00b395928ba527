package dev.foresight.producers.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU utilisation from {@code /proc/stat}: the kernel counts jiffies spent per state since boot, so
 * utilisation is a ratio of two readings' differences. The first call only takes the baseline; each
 * later call reports {@code cpu_util_pct} (busy share of all CPUs, 0-100) and {@code cpu_iowait_pct}
 * over the time since the previous call.
 */
final class CpuUtilisation implements MetricSource {

    private final ProcReader proc;
    private long[] previous;

    CpuUtilisation(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        Optional<long[]> current = proc.lines("proc/stat").flatMap(CpuUtilisation::aggregate);
        if (current.isEmpty()) {
            return;
        }
        long[] now = current.get();
        if (previous != null) {
            long total = total(now) - total(previous);
            if (total > 0) {
                long idle = idle(now) - idle(previous);
                long iowait = now[4] - previous[4];
                out.put("cpu_util_pct", 100.0 * (total - idle) / total);
                out.put("cpu_iowait_pct", 100.0 * iowait / total);
            }
        }
        previous = now;
    }

    /** user nice system idle iowait irq softirq steal of the aggregate "cpu" line; older kernels have fewer. */
    static Optional<long[]> aggregate(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 5 && f[0].equals("cpu")) {
                long[] values = new long[8];
                try {
                    for (int i = 1; i < f.length && i <= 8; i++) {
                        values[i - 1] = Long.parseLong(f[i]);
                    }
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }

    // guest time is already inside user time, so only the first eight states add up to the total
    private static long total(long[] v) {
        long sum = 0;
        for (long x : v) {
            sum += x;
        }
        return sum;
    }

    private static long idle(long[] v) {
        return v[3] + v[4];
    }
}
