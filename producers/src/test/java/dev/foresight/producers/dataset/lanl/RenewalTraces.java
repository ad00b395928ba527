package dev.foresight.producers.dataset.lanl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Failure traces with a known law: each node fails, is repaired in one hour, and runs a Weibull uptime drawn
 * from the law in force when it starts; the process starts long before the observation window, so the window
 * cuts uptimes at both edges as real records do.
 */
final class RenewalTraces {

    static final Instant T0 = Instant.parse("2000-01-01T00:00:00Z");
    static final double REPAIR_HOURS = 1;

    /** A law from {@code fromHour} on. */
    record Law(double fromHour, double shape, double scaleHours) {
    }

    private RenewalTraces() {
    }

    /**
     * @param laws        in force from their hour on (the first from minus infinity)
     * @param windowStart the first hour the records cover
     * @param windowEnd   the hour the records stop
     */
    static SystemTrace trace(String system, int nodes, List<Law> laws, double windowStart, double windowEnd, long seed) {
        Well19937c random = new Well19937c(seed);
        List<Outage> outages = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            double t = windowStart - 20_000; // burn-in: the window opens on a process in its steady state
            while (true) {
                Law law = lawAt(laws, t);
                t += new WeibullDistribution(random, law.shape(), law.scaleHours()).sample();
                if (t >= windowEnd) {
                    break;
                }
                if (t >= windowStart) {
                    outages.add(new Outage(OptionalInt.of(node), at(t), REPAIR_HOURS * 3600, "Hardware/Synthetic"));
                }
                t += REPAIR_HOURS;
            }
        }
        Instant epoch = outages.stream().map(Outage::started).min(Instant::compareTo).orElse(at(windowStart));
        return new SystemTrace(system, epoch, outages, new CollapseCounts(outages.size(), 0, 0, 0));
    }

    static SystemTrace trace(String system, int nodes, double shape, double scaleHours, double windowStart, double windowEnd, long seed) {
        return trace(system, nodes, List.of(new Law(Double.NEGATIVE_INFINITY, shape, scaleHours)), windowStart, windowEnd, seed);
    }

    private static Law lawAt(List<Law> laws, double hour) {
        Law current = laws.get(0);
        for (Law law : laws) {
            if (hour >= law.fromHour()) {
                current = law;
            }
        }
        return current;
    }

    static Instant at(double hour) {
        return T0.plusMillis(Math.round(hour * 3_600_000));
    }
}
