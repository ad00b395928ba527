package dev.foresight.producers.agent;

import java.nio.file.Path;
import java.util.Map;

/**
 * Memory error counts from the EDAC driver ({@code /sys/devices/system/edac/mc/mc*}): correctable errors
 * ({@code ce_count}) rising are the classic precursor of a failing DIMM, uncorrectable ones
 * ({@code ue_count}) the failure itself. Summed over memory controllers as {@code edac_ce_total} and
 * {@code edac_ue_total}; absent on hosts without ECC memory or the driver.
 */
final class EdacCounters implements MetricSource {

    private final ProcReader proc;

    EdacCounters(ProcReader proc) {
        this.proc = proc;
    }

    @Override
    public void collect(Map<String, Double> out) {
        double ce = 0;
        double ue = 0;
        boolean any = false;
        for (Path controller : proc.list("sys/devices/system/edac/mc")) {
            if (!controller.getFileName().toString().matches("mc\\d+")) {
                continue;
            }
            var correctable = proc.number(controller.resolve("ce_count"));
            var uncorrectable = proc.number(controller.resolve("ue_count"));
            if (correctable.isPresent() || uncorrectable.isPresent()) {
                any = true;
                ce += correctable.orElse(0.0);
                ue += uncorrectable.orElse(0.0);
            }
        }
        if (any) {
            out.put("edac_ce_total", ce);
            out.put("edac_ue_total", ue);
        }
    }
}
