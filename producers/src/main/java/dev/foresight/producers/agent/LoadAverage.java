package dev.foresight.producers.agent;

import java.util.Map;

/** {@code /proc/loadavg}: run-queue length averaged over 1, 5 and 15 minutes. */
final class LoadAverage implements MetricSource {

    private final ProcReader proc;

    LoadAverage(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        proc.lines("proc/loadavg").flatMap(l -> l.stream().findFirst()).ifPresent(line -> {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3) {
                try {
                    double one = Double.parseDouble(f[0]);
                    double five = Double.parseDouble(f[1]);
                    double fifteen = Double.parseDouble(f[2]);
                    out.put("load_1m", one);
                    out.put("load_5m", five);
                    out.put("load_15m", fifteen);
                } catch (NumberFormatException e) {
                    // a loadavg we cannot read is a missing reading, not a reason to stop the agent
                }
            }
        });
    }
}
