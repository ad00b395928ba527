package dev.foresight.producers.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/meminfo}: total and available memory (MemAvailable, the kernel's estimate of what can be
 * allocated without swapping, which counts reclaimable cache unlike MemFree), their ratio as
 * {@code mem_used_pct}, and swap in use.
 */
final class MemoryInfo implements MetricSource {

    private final ProcReader proc;

    MemoryInfo(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        proc.lines("proc/meminfo").map(MemoryInfo::kilobytes).ifPresent(kb -> {
            Double total = kb.get("MemTotal");
            Double available = kb.get("MemAvailable");
            if (total != null) {
                out.put("mem_total_bytes", total * 1024);
            }
            if (available != null) {
                out.put("mem_available_bytes", available * 1024);
            }
            if (total != null && available != null && total > 0) {
                out.put("mem_used_pct", 100.0 * (total - available) / total);
            }
            Double swapTotal = kb.get("SwapTotal");
            Double swapFree = kb.get("SwapFree");
            if (swapTotal != null && swapFree != null) {
                out.put("swap_used_bytes", (swapTotal - swapFree) * 1024);
            }
        });
    }

    /** "Key:   123 kB" lines as key to kilobytes. */
    static Map<String, Double> kilobytes(List<String> lines) {
        Map<String, Double> values = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            try {
                values.put(line.substring(0, colon).trim(), Double.parseDouble(f[0]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // an unexpected line format: that key is simply not measured
            }
        }
        return values;
    }
}
