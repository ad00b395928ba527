package dev.foresight.producers.agent;

import java.util.Map;

/**
 * Per-interface counters from {@code /proc/net/dev}: bytes, errors and drops in each direction. The
 * loopback interface carries no hardware signal and is left out.
 */
final class NetworkDevices implements MetricSource {

    private final ProcReader proc;

    NetworkDevices(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        proc.lines("proc/net/dev").ifPresent(lines -> {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue; // the two header lines
                }
                String device = line.substring(0, colon).trim();
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                if (device.equals("lo") || f.length < 16) {
                    continue;
                }
                String prefix = "net_" + MetricNames.part(device) + "_";
                try {
                    double rxBytes = Double.parseDouble(f[0]);
                    double rxErrors = Double.parseDouble(f[2]);
                    double rxDrops = Double.parseDouble(f[3]);
                    double txBytes = Double.parseDouble(f[8]);
                    double txErrors = Double.parseDouble(f[10]);
                    double txDrops = Double.parseDouble(f[11]);
                    out.put(prefix + "rx_bytes_total", rxBytes);
                    out.put(prefix + "rx_errors_total", rxErrors);
                    out.put(prefix + "rx_drop_total", rxDrops);
                    out.put(prefix + "tx_bytes_total", txBytes);
                    out.put(prefix + "tx_errors_total", txErrors);
                    out.put(prefix + "tx_drop_total", txDrops);
                } catch (NumberFormatException e) {
                    // an unreadable line: that interface is not measured this time
                }
            }
        });
    }
}
